namespace SlaGrains.Domain.Reports;

/// <summary>
/// The figures of one group and period, or of the whole report (docs/semantics.md, "Reports"): counts by status,
/// attainment, business time to complete (nearest-rank median and 90th percentile of met and met-late instances) and
/// overdue time (met-late and violated instances).
/// </summary>
public sealed record ComplianceFigures
{
    public required long Met { get; init; }
    public required long MetLate { get; init; }
    public required long Violated { get; init; }
    public required long Open { get; init; }
    public required long Canceled { get; init; }
    public double? AttainmentPercent { get; init; }
    public long? MedianSecondsToComplete { get; init; }
    public long? P90SecondsToComplete { get; init; }
    public required long OverdueSecondsTotal { get; init; }
    public double? OverdueSecondsMean { get; init; }

    /// <summary>Figures from the counts and percentiles a store computed; attainment and the mean follow from them.</summary>
    public static ComplianceFigures From(long met, long metLate, long violated, long open, long canceled, long? median, long? p90, long overdueTotal) => new()
    {
        Met = met,
        MetLate = metLate,
        Violated = violated,
        Open = open,
        Canceled = canceled,
        AttainmentPercent = Attainment(met, metLate, violated),
        MedianSecondsToComplete = median,
        P90SecondsToComplete = p90,
        OverdueSecondsTotal = overdueTotal,
        OverdueSecondsMean = metLate + violated == 0 ? null : Math.Round((double)overdueTotal / (metLate + violated), 2, MidpointRounding.AwayFromZero),
    };

    /// <summary>met ÷ (met + metLate + violated) × 100, two places; null when nothing has come out yet.</summary>
    public static double? Attainment(long met, long metLate, long violated)
    {
        var decided = met + metLate + violated;
        return decided == 0 ? null : Math.Round(met * 100m / decided, 2, MidpointRounding.AwayFromZero) is var percent ? (double)percent : null;
    }

    /// <summary>
    /// The nearest-rank percentile of sorted values: the smallest value with at least <paramref name="percent"/>% of the
    /// values at or below it, as PostgreSQL's <c>percentile_disc</c> gives it; null for none.
    /// </summary>
    public static long? NearestRank(IReadOnlyList<long> sorted, int percent)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            return null;
        }
        var rank = (int)(((long)sorted.Count * percent + 99) / 100); // ceiling, in integers
        return sorted[Math.Max(rank, 1) - 1];
    }
}
