using NodaTime;

namespace SlaGrains.Domain.Cases;

/// <summary>One milestone instance as of the snapshot's instant (docs/semantics.md). Ended instances freeze at their end.</summary>
public sealed record MilestoneSnapshot
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required int Instance { get; init; }
    public required MilestoneStatus Status { get; init; }
    public required bool IsViolated { get; init; }
    public required Instant StartedAt { get; init; }
    /// <summary>Null when the target lies beyond the supported range (<see cref="Calendars.InstantRange"/>).</summary>
    public required Instant? TargetAt { get; init; }
    public Instant? CompletedAt { get; init; }
    public required long TargetSeconds { get; init; }
    public required long ElapsedSeconds { get; init; }
    public required long RemainingSeconds { get; init; }
    public required long OverdueSeconds { get; init; }
    public required long PausedSeconds { get; init; }
    public required long ActualElapsedSeconds { get; init; }
    public required bool ClockRunning { get; init; }
    public Instant? NextClockChangeAt { get; init; }
    public string? CalendarId { get; init; }

    /// <summary>Remaining seconds at which the first warning fires (null without warnings): the amber window of live views.</summary>
    public long? WarningSeconds { get; init; }
}
