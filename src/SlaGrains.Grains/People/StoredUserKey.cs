using SlaGrains.Contracts.People;

namespace SlaGrains.Grains.People;

/// <summary>A personal key as stored: what the listing shows, and the SHA-256 of its secret.</summary>
[GenerateSerializer, Alias("sla.stored-user-key")]
public sealed record StoredUserKey
{
    [Id(0)] public required UserKeyRecord Record { get; init; }
    [Id(1)] public required byte[] SecretHash { get; init; }
}
