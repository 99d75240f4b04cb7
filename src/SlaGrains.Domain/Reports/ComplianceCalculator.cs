using NodaTime;

namespace SlaGrains.Domain.Reports;

/// <summary>
/// Compliance reports from facts: the one definition of what each figure means, which the in-process store and
/// what-if run directly and the PostgreSQL store's SQL reproduces (the same test suite checks both).
/// </summary>
public static class ComplianceCalculator
{
    /// <summary>The report over <paramref name="facts"/>; those outside the query's filter are skipped.</summary>
    public static ComplianceReport Aggregate(IEnumerable<MilestoneFact> facts, ComplianceQuery query, IReadOnlyList<Instant> periods)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(periods);
        var groups = new Dictionary<ComplianceGroupKey, ComplianceTally>();
        var totals = new ComplianceTally();
        foreach (var fact in facts)
        {
            if (!query.Filter.Matches(fact))
            {
                continue;
            }
            var key = new ComplianceGroupKey(
                ReportPeriods.IndexOf(periods, fact.TargetAt!.Value),
                query.GroupBy.Count > 0 ? ReportDimensions.ValueOf(fact, query.GroupBy[0]) : null,
                query.GroupBy.Count > 1 ? ReportDimensions.ValueOf(fact, query.GroupBy[1]) : null);
            if (!groups.TryGetValue(key, out var accumulator))
            {
                groups[key] = accumulator = new ComplianceTally();
            }
            accumulator.Add(fact);
            totals.Add(fact);
        }
        return Report(query, periods, groups.Select(g => (g.Key, g.Value.Figures())), totals.Figures());
    }

    /// <summary>The report from figures per key, rows ordered by period, then group values (ordinal, none first).</summary>
    public static ComplianceReport Report(ComplianceQuery query, IReadOnlyList<Instant> periods,
        IEnumerable<(ComplianceGroupKey Key, ComplianceFigures Figures)> rows, ComplianceFigures totals)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(periods);
        var names = query.GroupBy.Select(ReportDimensions.GroupName).ToList();
        return new ComplianceReport
        {
            From = query.Filter.From,
            To = query.Filter.To,
            Interval = query.Interval,
            TimeZone = query.TimeZone.Id,
            GroupBy = names,
            Rows = [.. rows
                .OrderBy(r => r.Key.Period).ThenBy(r => r.Key.First, StringComparer.Ordinal).ThenBy(r => r.Key.Second, StringComparer.Ordinal)
                .Select(r => ComplianceRow.Of(Group(names, r.Key), periods[r.Key.Period], r.Figures))],
            Totals = totals,
        };
    }

    private static Dictionary<string, string?> Group(List<string> names, ComplianceGroupKey key)
    {
        var group = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (names.Count > 0)
        {
            group[names[0]] = key.First;
        }
        if (names.Count > 1)
        {
            group[names[1]] = key.Second;
        }
        return group;
    }
}
