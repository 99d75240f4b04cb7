namespace SlaGrains.Domain.Reports;

/// <summary>What reports group and filter facts by: each names one field of a <see cref="MilestoneFact"/>.</summary>
public enum ReportDimension
{
    Queue,
    Milestone,
    Entitlement,
    Account,
    Owner,
    Priority,
    Process,
}
