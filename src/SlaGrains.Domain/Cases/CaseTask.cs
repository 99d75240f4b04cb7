using NodaTime;

namespace SlaGrains.Domain.Cases;

/// <summary>A follow-up task on the case as a snapshot shows it (docs/api.md, "Tasks").</summary>
public sealed record CaseTask
{
    public required string TaskId { get; init; }
    public required string Subject { get; init; }
    public string? Milestone { get; init; }
    public required Instant CreatedAt { get; init; }
    public required Instant DueAt { get; init; }
    public Instant? CompletedAt { get; init; }

    /// <summary>Open and past <see cref="DueAt"/> as of the snapshot.</summary>
    public bool Overdue { get; init; }
}
