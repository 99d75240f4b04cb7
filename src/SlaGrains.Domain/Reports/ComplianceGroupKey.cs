namespace SlaGrains.Domain.Reports;

/// <summary>A row's key while a store aggregates: the period's index and up to two group values.</summary>
public readonly record struct ComplianceGroupKey(int Period, string? First, string? Second);
