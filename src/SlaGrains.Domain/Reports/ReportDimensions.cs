using System.Collections.Frozen;

namespace SlaGrains.Domain.Reports;

/// <summary>The names the API gives dimensions, for grouping and for filtering, and the value each reads from a fact.</summary>
public static class ReportDimensions
{
    /// <summary>groupBy names: <c>queue</c>, <c>milestone</c>, <c>entitlement</c>, <c>account</c>, <c>owner</c>, <c>priority</c>, <c>process</c>.</summary>
    public static FrozenDictionary<string, ReportDimension> ByGroupName { get; } = new Dictionary<string, ReportDimension>(StringComparer.Ordinal)
    {
        ["queue"] = ReportDimension.Queue,
        ["milestone"] = ReportDimension.Milestone,
        ["entitlement"] = ReportDimension.Entitlement,
        ["account"] = ReportDimension.Account,
        ["owner"] = ReportDimension.Owner,
        ["priority"] = ReportDimension.Priority,
        ["process"] = ReportDimension.Process,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Filter parameter names, as the API spells them (ids end in <c>Id</c>).</summary>
    public static FrozenDictionary<string, ReportDimension> ByFilterName { get; } = new Dictionary<string, ReportDimension>(StringComparer.Ordinal)
    {
        ["queue"] = ReportDimension.Queue,
        ["milestone"] = ReportDimension.Milestone,
        ["entitlementId"] = ReportDimension.Entitlement,
        ["accountId"] = ReportDimension.Account,
        ["owner"] = ReportDimension.Owner,
        ["priority"] = ReportDimension.Priority,
        ["processId"] = ReportDimension.Process,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static string GroupName(ReportDimension dimension) => ByGroupName.First(p => p.Value == dimension).Key;

    public static string? ValueOf(MilestoneFact fact, ReportDimension dimension)
    {
        ArgumentNullException.ThrowIfNull(fact);
        return dimension switch
        {
            ReportDimension.Queue => fact.Queue,
            ReportDimension.Milestone => fact.Milestone,
            ReportDimension.Entitlement => fact.EntitlementId,
            ReportDimension.Account => fact.AccountId,
            ReportDimension.Owner => fact.Owner,
            ReportDimension.Priority => fact.Priority,
            ReportDimension.Process => fact.ProcessId,
            _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, null),
        };
    }
}
