namespace SlaGrains.Domain.Reports;

/// <summary>The periods a report splits its range into, in its time zone; weeks start on Monday (ISO).</summary>
public enum ReportInterval
{
    None,
    Hour,
    Day,
    Week,
    Month,
}
