using NodaTime;
using SlaGrains.Contracts.Reports;
using SlaGrains.Domain.Reports;

namespace SlaGrains.Grains.Reports;

/// <summary>
/// The store of a deployment that keeps no reports (<c>Sla:Reports:Enabled=false</c>): it takes no facts, and the
/// reports API answers before asking it anything (docs/operations.md, "Reports").
/// </summary>
public sealed class ReportsOff : IReportStore
{
    public bool Enabled => false;

    public Task Write(CaseFacts facts, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<ComplianceReport> Compliance(ComplianceQuery query, IReadOnlyList<Instant> periods, CancellationToken cancellationToken = default) =>
        throw Off();

    public IAsyncEnumerable<MilestoneFact> Milestones(FactFilter filter, FactCursor? after, int? limit, CancellationToken cancellationToken = default) =>
        throw Off();

    public Task<IReadOnlyList<string>> CaseIds(FactFilter filter, int limit, CancellationToken cancellationToken = default) => throw Off();

    public Task<long> Stamp(CancellationToken cancellationToken = default) => throw Off();

    private static InvalidOperationException Off() => new("Reports are off (Sla:Reports:Enabled=false).");
}
