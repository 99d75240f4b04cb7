using NodaTime;

namespace SlaGrains.Contracts.Webhooks;

/// <summary>
/// A stored webhook as reads show it: everything but the secret. <see cref="PreviousSecretUntil"/> is when the secret
/// replaced by a rotation stops signing deliveries beside the new one (null: only one secret signs).
/// </summary>
[GenerateSerializer, Immutable, Alias("sla.webhook-record")]
public sealed record WebhookRecord(
    [property: Id(0)] string WebhookId,
    [property: Id(1)] string Url,
    [property: Id(2)] IReadOnlyList<string> Events,
    [property: Id(3)] Instant UpdatedAt,
    [property: Id(4)] int Pending,
    [property: Id(5)] WebhookFilters? Filters,
    [property: Id(6)] bool Paused,
    [property: Id(7)] Instant? PreviousSecretUntil);
