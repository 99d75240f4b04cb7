using NodaTime;

namespace SlaGrains.Host.Api;

/// <summary>A new personal key: a name to tell keys apart ("laptop") and, optionally, when it stops working.</summary>
public sealed record UserKeyRequest
{
    public string? Name { get; init; }
    public Instant? ExpiresAt { get; init; }
}
