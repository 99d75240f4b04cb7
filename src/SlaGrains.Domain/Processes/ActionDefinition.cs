namespace SlaGrains.Domain.Processes;

/// <summary>
/// Something to do when a milestone warns, is violated (at the target plus <see cref="OffsetMinutes"/> of open time),
/// or succeeds. Escalations set <see cref="SetPriority"/>, <see cref="SetQueue"/> and <see cref="SetOwner"/>.
/// </summary>
public sealed record ActionDefinition
{
    public required ActionTrigger When { get; init; }
    public required ActionType Type { get; init; }
    public int? OffsetMinutes { get; init; }
    public string? SetPriority { get; init; }
    public string? SetQueue { get; init; }
    public string? SetOwner { get; init; }
}
