namespace SlaGrains.Contracts.People;

/// <summary>
/// Which user a key id belongs to, keyed by the key id (which the key itself carries). Written once when the key is
/// made; the user's grain (<see cref="IUserGrain"/>) decides whether the key is still valid.
/// </summary>
[Alias("sla.user-key")]
public interface IUserKeyGrain : IGrainWithStringKey
{
    /// <summary>Records the owner; false when the id already belongs to another user.</summary>
    [Alias("claim")]
    Task<bool> Claim(string userId);

    [Alias("owner")]
    Task<string?> Owner();

    /// <summary>Asks the owner's grain (<see cref="IUserGrain.Authenticate"/>); null for an unknown key id.</summary>
    [Alias("authenticate")]
    Task<KeyHolder?> Authenticate(byte[] secretHash);
}
