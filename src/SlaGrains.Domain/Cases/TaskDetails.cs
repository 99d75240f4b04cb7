using NodaTime;

namespace SlaGrains.Domain.Cases;

/// <summary>
/// A task as its events carry it: <c>taskCreated</c> (written by a task action) gives all of it, <c>taskCompleted</c>
/// only <see cref="TaskId"/>.
/// </summary>
public sealed record TaskDetails
{
    /// <summary>The id of the <c>taskCreated</c> event: <c>{notificationId}/task/{n}</c>, stable across retries.</summary>
    public string? TaskId { get; init; }

    public string? Subject { get; init; }
    public Instant? DueAt { get; init; }

    /// <summary>The milestone instance whose notification created it (<c>first-response#1</c>).</summary>
    public string? Milestone { get; init; }
}
