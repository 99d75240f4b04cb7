using NodaTime;

namespace SlaGrains.Domain.Reports;

/// <summary>docs/api.md's compliance report: the question as understood, a row per group and period with facts, and the totals.</summary>
public sealed record ComplianceReport
{
    public required Instant From { get; init; }
    public required Instant To { get; init; }
    public required ReportInterval Interval { get; init; }
    public required string TimeZone { get; init; }
    public required IReadOnlyList<string> GroupBy { get; init; }
    public required IReadOnlyList<ComplianceRow> Rows { get; init; }
    public required ComplianceFigures Totals { get; init; }
}
