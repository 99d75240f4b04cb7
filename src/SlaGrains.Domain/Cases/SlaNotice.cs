using NodaTime;

namespace SlaGrains.Domain.Cases;

/// <summary>
/// A notification that fired, exactly as webhooks and live subscribers receive it (docs/api.md): every channel
/// sends <c>JsonSerializer.Serialize(notice, SlaJson.Options)</c> of this record, so its members, in this order, are
/// the wire shape. <see cref="DeliveryId"/> is the stable notification id of docs/semantics.md, so receivers can
/// deduplicate across retries and failovers. Where it goes is not part of it (<see cref="FiredNotice"/>).
/// </summary>
public sealed record SlaNotice
{
    public const string MilestoneWarning = "milestone.warning";
    public const string MilestoneViolated = "milestone.violated";
    public const string MilestoneCompleted = "milestone.completed";
    public const string CaseEscalated = "case.escalated";

    /// <summary>Every notice type, as webhooks subscribe to them.</summary>
    public static IReadOnlyList<string> Types { get; } = [MilestoneWarning, MilestoneViolated, MilestoneCompleted, CaseEscalated];

    public required string DeliveryId { get; init; }

    /// <summary>One of <see cref="Types"/>.</summary>
    public required string Type { get; init; }

    /// <summary>When it was due: the warning instant, the target (plus offset), or the completion.</summary>
    public required Instant OccurredAt { get; init; }

    public required string CaseId { get; init; }
    public string? Queue { get; init; }

    /// <summary>The case's owner when it fired, so "my cases" views hear their alerts.</summary>
    public string? Owner { get; init; }

    /// <summary>The process the case is in, for webhooks filtered by process.</summary>
    public string? ProcessId { get; init; }

    /// <summary>For completions: the milestone was completed after its target.</summary>
    public bool Late { get; init; }

    /// <summary>For escalations: the fields the escalate action set.</summary>
    public CaseChanges? Changes { get; init; }

    public required MilestoneSnapshot Milestone { get; init; }

    /// <summary>The notice type of a milestone notification of <paramref name="kind"/>.</summary>
    public static string TypeOf(NotificationKind kind) => kind switch
    {
        NotificationKind.Warning => MilestoneWarning,
        NotificationKind.Violation => MilestoneViolated,
        NotificationKind.Success => MilestoneCompleted,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
