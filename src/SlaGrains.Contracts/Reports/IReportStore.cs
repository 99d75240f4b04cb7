using NodaTime;
using SlaGrains.Domain.Reports;

namespace SlaGrains.Contracts.Reports;

/// <summary>
/// Where reports' facts live: PostgreSQL tables of their own , or this process's memory in the embedded mode. Both
/// answer the same queries the same way (one test suite runs on both).
/// </summary>
public interface IReportStore
{
    /// <summary>
    /// False in a deployment that keeps no reports (<c>Sla:Reports:Enabled=false</c>): cases then neither compute nor
    /// send facts, and the reports API answers that reports are off.
    /// </summary>
    bool Enabled => true;

    /// <summary>
    /// Replaces the case's facts with <paramref name="facts"/> unless the store holds a newer version of the case;
    /// returns once they are durable. Writing the same version again changes nothing.
    /// </summary>
    Task Write(CaseFacts facts, CancellationToken cancellationToken = default);

    /// <summary>The compliance report over the facts the query selects, split at <paramref name="periods"/> (ReportPeriods).</summary>
    Task<ComplianceReport> Compliance(ComplianceQuery query, IReadOnlyList<Instant> periods, CancellationToken cancellationToken = default);

    /// <summary>
    /// The facts the filter selects, by target, case and instance (FactCursor's order), from after <paramref name="after"/>,
    /// at most <paramref name="limit"/> (all when null), read as they are enumerated.
    /// </summary>
    IAsyncEnumerable<MilestoneFact> Milestones(FactFilter filter, FactCursor? after, int? limit, CancellationToken cancellationToken = default);

    /// <summary>The ids of the cases with a fact the filter selects, ordinal order, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<string>> CaseIds(FactFilter filter, int limit, CancellationToken cancellationToken = default);

    /// <summary>A number that grows whenever facts change: what report answers' ETags are made of.</summary>
    Task<long> Stamp(CancellationToken cancellationToken = default);
}
