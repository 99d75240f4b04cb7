using NodaTime;

namespace SlaGrains.Domain.Reports;

/// <summary>One group in one period: the group's values by dimension name, the period's start, and its figures.</summary>
public sealed record ComplianceRow
{
    public required IReadOnlyDictionary<string, string?> Group { get; init; }
    public required Instant PeriodStart { get; init; }
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

    public static ComplianceRow Of(IReadOnlyDictionary<string, string?> group, Instant periodStart, ComplianceFigures f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return new()
        {
            Group = group,
            PeriodStart = periodStart,
            Met = f.Met,
            MetLate = f.MetLate,
            Violated = f.Violated,
            Open = f.Open,
            Canceled = f.Canceled,
            AttainmentPercent = f.AttainmentPercent,
            MedianSecondsToComplete = f.MedianSecondsToComplete,
            P90SecondsToComplete = f.P90SecondsToComplete,
            OverdueSecondsTotal = f.OverdueSecondsTotal,
            OverdueSecondsMean = f.OverdueSecondsMean,
        };
    }
}
