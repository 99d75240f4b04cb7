using NodaTime;
using SlaGrains.Domain.Cases;

namespace SlaGrains.Grains.Email;

/// <summary>An email alert waiting in the outbox: how often it failed and when it is tried next.</summary>
[GenerateSerializer, Alias("sla.email-pending")]
public sealed record PendingEmail
{
    [Id(0)] public required EmailAlert Alert { get; init; }
    [Id(1)] public int Attempts { get; init; }
    [Id(2)] public required Instant NextAttemptAt { get; init; }
}
