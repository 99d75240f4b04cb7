using NodaTime;

namespace SlaGrains.Contracts.People;

/// <summary>One personal API key as listed: never its secret, which exists only in the answer that created it.</summary>
[GenerateSerializer, Immutable, Alias("sla.user-key-record")]
public sealed record UserKeyRecord
{
    [Id(0)] public required string KeyId { get; init; }
    [Id(1)] public required string Name { get; init; }
    [Id(2)] public required Instant CreatedAt { get; init; }
    [Id(3)] public Instant? ExpiresAt { get; init; }
    [Id(4)] public Instant? RevokedAt { get; init; }
}
