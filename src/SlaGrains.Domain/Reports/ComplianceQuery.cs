using NodaTime;

namespace SlaGrains.Domain.Reports;

/// <summary>A compliance report's question: which facts, grouped how, split into which periods of which zone.</summary>
public sealed record ComplianceQuery
{
    /// <summary>The longest range a report covers (docs/api.md, "Reports").</summary>
    public const int MaxRangeDays = 400;

    /// <summary>The most periods a report splits its range into.</summary>
    public const int MaxPeriods = 1000;

    public required FactFilter Filter { get; init; }
    public IReadOnlyList<ReportDimension> GroupBy { get; init; } = [];
    public ReportInterval Interval { get; init; } = ReportInterval.None;
    public DateTimeZone TimeZone { get; init; } = DateTimeZone.Utc;
}
