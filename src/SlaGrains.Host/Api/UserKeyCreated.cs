using NodaTime;

namespace SlaGrains.Host.Api;

/// <summary>A new personal key with its secret: the only answer that ever holds it.</summary>
public sealed record UserKeyCreated(string KeyId, string Key, string UserId, string Name, Instant CreatedAt, Instant? ExpiresAt);
