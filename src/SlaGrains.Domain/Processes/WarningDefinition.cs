namespace SlaGrains.Domain.Processes;

/// <summary>A warning before a milestone's target: either minutes of open time before it, or a percentage of the milestone time.</summary>
public sealed record WarningDefinition
{
    public int? BeforeTargetMinutes { get; init; }
    public int? AtPercent { get; init; }
}
