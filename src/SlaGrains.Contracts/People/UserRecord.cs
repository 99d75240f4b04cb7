using NodaTime;
using SlaGrains.Domain.People;

namespace SlaGrains.Contracts.People;

/// <summary>A user as stored and read back: the definition plus whether it is active and when it changed.</summary>
[GenerateSerializer, Immutable, Alias("sla.user-record")]
public sealed record UserRecord
{
    [Id(0)] public required string UserId { get; init; }
    [Id(1)] public required string Name { get; init; }
    [Id(2)] public required string Email { get; init; }
    [Id(3)] public required UserRole Role { get; init; }
    [Id(4)] public IReadOnlyList<string> Queues { get; init; } = [];
    [Id(5)] public required bool Active { get; init; }
    [Id(6)] public required Instant CreatedAt { get; init; }
    [Id(7)] public required Instant UpdatedAt { get; init; }
    [Id(8)] public Instant? DeactivatedAt { get; init; }
}
