using System.Collections.Concurrent;
using NodaTime;
using SlaGrains.Contracts.Reports;
using SlaGrains.Domain.Reports;

namespace SlaGrains.Grains.Tests.Timing;

/// <summary>The silo's report store, refusing one case's writes on demand, as PostgreSQL would while it is down.</summary>
public sealed class FaultyReportStore(IReportStore inner) : IReportStore
{
    private readonly ConcurrentDictionary<string, bool> _refused = new(StringComparer.Ordinal);

    public IReportStore Inner => inner;

    public void Refuse(string caseId) => _refused[caseId] = true;

    public void Accept(string caseId) => _refused.TryRemove(caseId, out _);

    public Task Write(CaseFacts facts, CancellationToken cancellationToken = default) =>
        _refused.ContainsKey(facts.CaseId) ? throw new TimeoutException("The report store is unavailable (test).") : inner.Write(facts, cancellationToken);

    public Task<ComplianceReport> Compliance(ComplianceQuery query, IReadOnlyList<Instant> periods, CancellationToken cancellationToken = default) =>
        inner.Compliance(query, periods, cancellationToken);

    public IAsyncEnumerable<MilestoneFact> Milestones(FactFilter filter, FactCursor? after, int? limit, CancellationToken cancellationToken = default) =>
        inner.Milestones(filter, after, limit, cancellationToken);

    public Task<IReadOnlyList<string>> CaseIds(FactFilter filter, int limit, CancellationToken cancellationToken = default) =>
        inner.CaseIds(filter, limit, cancellationToken);

    public Task<long> Stamp(CancellationToken cancellationToken = default) => inner.Stamp(cancellationToken);
}
