using SlaGrains.Contracts.People;

namespace SlaGrains.Grains.People;

/// <summary>A key id's owner (<see cref="IUserKeyGrain"/>), so a presented key finds its user's grain in one hop.</summary>
[GrainType("user-key")]
public sealed class UserKeyGrain(
    [PersistentState("user-key", StorageNames.Sla)] IPersistentState<UserKeyState> state) : Grain, IUserKeyGrain
{
    public async Task<bool> Claim(string userId)
    {
        if (state.State.UserId is { } owner)
        {
            return owner == userId;
        }
        state.State.UserId = userId;
        await state.WriteStateAsync();
        return true;
    }

    public Task<string?> Owner() => Task.FromResult(state.State.UserId);

    public async Task<KeyHolder?> Authenticate(byte[] secretHash) => state.State.UserId is { } owner
        ? await GrainFactory.GetGrain<IUserGrain>(owner).Authenticate(this.GetPrimaryKeyString(), secretHash)
        : null;
}
