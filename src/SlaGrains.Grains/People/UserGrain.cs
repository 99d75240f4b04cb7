using System.Security.Cryptography;
using NodaTime;
using SlaGrains.Contracts;
using SlaGrains.Contracts.Catalog;
using SlaGrains.Contracts.People;
using SlaGrains.Domain.People;
using SlaGrains.Domain.Validation;

namespace SlaGrains.Grains.People;

/// <summary>
/// A user and their keys (<see cref="IUserGrain"/>). Every authentication with a personal key asks this grain, so a
/// revocation or a deactivation, once stored here, refuses the very next request wherever it arrives.
/// </summary>
[GrainType("user")]
public sealed class UserGrain(
    [PersistentState("user", StorageNames.Sla)] IPersistentState<UserState> state,
    TimeProvider clock,
    Limits limits) : Grain, IUserGrain
{
    private string UserId => this.GetPrimaryKeyString();
    private Instant Now => Instant.FromDateTimeOffset(clock.GetUtcNow());

    public async Task<WriteResult<UserRecord>> Put(UserDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (UserValidator.Validate(definition, limits) is { IsValid: false } errors)
        {
            return new WriteResult<UserRecord> { Errors = errors.ToDictionary() };
        }
        var now = Now;
        var current = state.State.User;
        state.State.User = new UserRecord
        {
            UserId = UserId,
            Name = definition.Name!,
            Email = definition.Email!,
            Role = definition.Role!.Value,
            Queues = [.. (definition.Queues ?? []).Distinct(StringComparer.Ordinal)],
            Active = true,
            CreatedAt = current?.CreatedAt ?? now,
            UpdatedAt = now,
        };
        await state.WriteStateAsync();
        if (current is null)
        {
            await GrainFactory.GetGrain<ICatalogGrain>(ICatalogGrain.Users).Add(UserId);
        }
        return new WriteResult<UserRecord> { Value = state.State.User };
    }

    public Task<UserRecord?> Read() => Task.FromResult(state.State.User);

    public async Task<UserRecord?> Deactivate()
    {
        if (state.State.User is not { } user)
        {
            return null;
        }
        if (user.Active)
        {
            state.State.User = user with { Active = false, DeactivatedAt = Now, UpdatedAt = Now };
            await state.WriteStateAsync();
        }
        return state.State.User;
    }

    public async Task<UserKeyRecord?> AddKey(string keyId, string name, Instant? expiresAt, byte[] secretHash)
    {
        ArgumentNullException.ThrowIfNull(secretHash);
        if (state.State.User is not { Active: true })
        {
            return null;
        }
        var record = new UserKeyRecord { KeyId = keyId, Name = name, CreatedAt = Now, ExpiresAt = expiresAt };
        state.State.Keys.Add(new StoredUserKey { Record = record, SecretHash = secretHash });
        await state.WriteStateAsync();
        return record;
    }

    public Task<IReadOnlyList<UserKeyRecord>?> Keys() => Task.FromResult<IReadOnlyList<UserKeyRecord>?>(
        state.State.User is null ? null : [.. state.State.Keys.Select(k => k.Record).OrderByDescending(k => k.CreatedAt)]);

    public async Task<UserKeyRecord?> RevokeKey(string keyId)
    {
        var index = state.State.Keys.FindIndex(k => k.Record.KeyId == keyId);
        if (index < 0)
        {
            return null;
        }
        var key = state.State.Keys[index];
        if (key.Record.RevokedAt is null)
        {
            state.State.Keys[index] = key with { Record = key.Record with { RevokedAt = Now } };
            await state.WriteStateAsync();
        }
        return state.State.Keys[index].Record;
    }

    public Task<bool> IsKeyValid(string keyId) => Task.FromResult(Valid(keyId) is not null);

    public Task<KeyHolder?> Authenticate(string keyId, byte[] secretHash)
    {
        ArgumentNullException.ThrowIfNull(secretHash);
        var valid = Valid(keyId) is { } key && CryptographicOperations.FixedTimeEquals(key.SecretHash, secretHash);
        return Task.FromResult(valid
            ? new KeyHolder { UserId = UserId, Name = state.State.User!.Name, Role = state.State.User.Role, Queues = state.State.User.Queues, KeyId = keyId }
            : null);
    }

    private StoredUserKey? Valid(string keyId)
    {
        var key = state.State.Keys.Find(k => k.Record.KeyId == keyId);
        return state.State.User is { Active: true } && key is { Record.RevokedAt: null } &&
               (key.Record.ExpiresAt is not { } expires || expires > Now)
            ? key
            : null;
    }
}
