namespace SlaGrains.Contracts.Webhooks;

/// <summary>
/// Narrows a webhook to the notices of some queues and processes (docs/api.md, "Webhook filters"); an empty or missing
/// list lets every value through, and a notice must pass both lists.
/// </summary>
[GenerateSerializer, Immutable, Alias("sla.webhook-filters")]
public sealed record WebhookFilters
{
    [Id(0)] public IReadOnlyList<string>? Queues { get; init; }
    [Id(1)] public IReadOnlyList<string>? ProcessIds { get; init; }
}
