using NodaTime;
using SlaGrains.Contracts.Webhooks;

namespace SlaGrains.Grains.Webhooks;

/// <summary>
/// A webhook's own record, the head of its outbox: the deliveries themselves are in pages, each its own record
/// (<see cref="WebhookOutboxPages"/>), so that storing a notice rewrites one small page, not the whole outbox.
/// </summary>
[GenerateSerializer, Alias("sla.webhook-state")]
public sealed class WebhookState
{
    [Id(0)] public WebhookDefinition? Definition { get; set; }
    [Id(1)] public Instant UpdatedAt { get; set; }

    /// <summary>The most recent attempts, oldest first, capped.</summary>
    [Id(2)] public List<WebhookAttempt> Log { get; set; } = [];

    /// <summary>Delivery ids already delivered or given up, most recent last, capped: a notice handed over twice is sent once.</summary>
    [Id(3)] public List<string> Done { get; set; } = [];

    /// <summary>The numbers of the outbox's pages that hold deliveries, oldest first; no other page is read.</summary>
    [Id(4)] public List<int> Pages { get; set; } = [];

    /// <summary>Paused: nothing is sent; notices are still stored.</summary>
    [Id(5)] public bool Paused { get; set; }

    /// <summary>The latest deliveries that gave up, with their bodies, oldest first, capped: these can be sent again.</summary>
    [Id(6)] public List<PendingDelivery> GaveUp { get; set; } = [];

    /// <summary>The secret a rotation replaced, which signs beside the new one until <see cref="PreviousSecretUntil"/>.</summary>
    [Id(7)] public string? PreviousSecret { get; set; }

    [Id(8)] public Instant? PreviousSecretUntil { get; set; }
}

/// <summary>One page of the outbox: up to <see cref="WebhookOutboxPages.PageSize"/> deliveries, oldest first.</summary>
[GenerateSerializer, Alias("sla.webhook-page")]
public sealed class WebhookPage
{
    [Id(0)] public List<PendingDelivery> Deliveries { get; set; } = [];
}

/// <summary>
/// A delivery waiting to be sent: the exact body (so every retry carries the same bytes and signature), and when it
/// was stored or last failed, which orders the sends of those due: a retry waits behind what arrived before it failed.
/// </summary>
[GenerateSerializer, Alias("sla.webhook-pending")]
public sealed record PendingDelivery(
    [property: Id(0)] string DeliveryId,
    [property: Id(1)] string Type,
    [property: Id(2)] string CaseId,
    [property: Id(3)] string Body,
    [property: Id(4)] int Attempts,
    [property: Id(5)] Instant NextAttemptAt,
    [property: Id(6)] Instant QueuedAt);
