using NodaTime;

namespace SlaGrains.Contracts.Webhooks;

/// <summary>One delivery attempt, for the delivery log: what was sent, when, and how the receiver answered.</summary>
[GenerateSerializer, Immutable, Alias("sla.webhook-attempt")]
public sealed record WebhookAttempt
{
    [Id(0)] public required string DeliveryId { get; init; }
    [Id(1)] public required string Type { get; init; }
    [Id(2)] public required string CaseId { get; init; }
    [Id(3)] public required int Attempt { get; init; }
    [Id(4)] public required Instant At { get; init; }

    /// <summary>The receiver's HTTP status, or null when it could not be reached.</summary>
    [Id(5)] public int? StatusCode { get; init; }

    /// <summary><c>delivered</c>, <c>retrying</c> or <c>gaveUp</c>.</summary>
    [Id(6)] public required string Outcome { get; init; }

    [Id(7)] public string? Error { get; init; }
    [Id(8)] public Instant? NextAttemptAt { get; init; }
}
