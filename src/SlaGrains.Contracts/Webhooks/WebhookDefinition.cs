namespace SlaGrains.Contracts.Webhooks;

/// <summary>A webhook subscription as an administrator writes it (docs/api.md, "Webhooks").</summary>
[GenerateSerializer, Immutable, Alias("sla.webhook-definition")]
public sealed record WebhookDefinition
{
    [Id(0)] public string? Url { get; init; }

    /// <summary>Among <c>milestone.warning</c>, <c>milestone.violated</c>, <c>milestone.completed</c>, <c>case.escalated</c>.</summary>
    [Id(1)] public IReadOnlyList<string>? Events { get; init; }

    /// <summary>Signs every delivery (HMAC-SHA256). Never returned by a read.</summary>
    [Id(2)] public string? Secret { get; init; }

    /// <summary>Only notices of these queues and processes; null lets every notice of <see cref="Events"/> through.</summary>
    [Id(3)] public WebhookFilters? Filters { get; init; }
}
