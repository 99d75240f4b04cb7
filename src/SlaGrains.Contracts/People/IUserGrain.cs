using NodaTime;
using SlaGrains.Domain.People;

namespace SlaGrains.Contracts.People;

/// <summary>
/// One user and their personal keys, keyed by the user id. The keys' SHA-256 hashes live here and only here, so
/// revoking a key or deactivating the user takes effect on the next request in every silo: this grain is the one
/// place that answers whether a key is valid.
/// </summary>
[Alias("sla.user")]
public interface IUserGrain : IGrainWithStringKey
{
    /// <summary>Creates or replaces the user (and activates a deactivated one), or answers the field errors.</summary>
    [Alias("put")]
    Task<WriteResult<UserRecord>> Put(UserDefinition definition);

    [Alias("read")]
    Task<UserRecord?> Read();

    /// <summary>Deactivates the user: every key stops working at once. Null when there is no such user.</summary>
    [Alias("deactivate")]
    Task<UserRecord?> Deactivate();

    /// <summary>Stores a new key by the SHA-256 of its secret. Null when there is no such user or it is inactive.</summary>
    [Alias("add-key")]
    Task<UserKeyRecord?> AddKey(string keyId, string name, Instant? expiresAt, byte[] secretHash);

    /// <summary>The user's keys, newest first, without hashes; null when there is no such user.</summary>
    [Alias("keys")]
    Task<IReadOnlyList<UserKeyRecord>?> Keys();

    /// <summary>Revokes a key; null when the user has no such key. Revoking twice keeps the first instant.</summary>
    [Alias("revoke-key")]
    Task<UserKeyRecord?> RevokeKey(string keyId);

    /// <summary>Whether the key is still good (not revoked or expired, the user active), for connections opened with it.</summary>
    [Alias("key-valid")]
    Task<bool> IsKeyValid(string keyId);

    /// <summary>The holder when the key exists, matches the hash, is neither revoked nor expired, and the user is active.</summary>
    [Alias("authenticate")]
    Task<KeyHolder?> Authenticate(string keyId, byte[] secretHash);
}
