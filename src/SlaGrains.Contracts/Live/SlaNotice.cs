using NodaTime;
using SlaGrains.Domain.Cases;

namespace SlaGrains.Contracts.Live;

/// <summary>
/// A notification that fired, as webhooks and live subscribers receive it (API.md, "Webhooks"). <see cref="DeliveryId"/>
/// is the stable notification id of SEMANTICS.md §6, so receivers can deduplicate across retries and failovers.
/// </summary>
[GenerateSerializer, Immutable, Alias("sla.notice")]
public sealed record SlaNotice
{
    public const string MilestoneWarning = "milestone.warning";
    public const string MilestoneViolated = "milestone.violated";
    public const string MilestoneCompleted = "milestone.completed";
    public const string CaseEscalated = "case.escalated";

    [Id(0)] public required string DeliveryId { get; init; }

    /// <summary>One of <see cref="MilestoneWarning"/>, <see cref="MilestoneViolated"/>, <see cref="MilestoneCompleted"/>, <see cref="CaseEscalated"/>.</summary>
    [Id(1)] public required string Type { get; init; }

    /// <summary>When it was due: the warning instant, the target (plus offset), or the completion.</summary>
    [Id(2)] public required Instant OccurredAt { get; init; }

    [Id(3)] public required string CaseId { get; init; }
    [Id(4)] public string? Queue { get; init; }
    [Id(5)] public required MilestoneSnapshot Milestone { get; init; }

    /// <summary>For completions: the milestone was completed after its target.</summary>
    [Id(6)] public bool Late { get; init; }

    /// <summary>Whether the process asked for a webhook delivery; live subscribers hear of every notice regardless.</summary>
    [Id(7)] public bool Webhook { get; init; }

    /// <summary>For escalations: the fields the escalate action set.</summary>
    [Id(8)] public CaseChanges? Changes { get; init; }
}
