using Orleans.Runtime;
using SlaGrains.Contracts.Live;

namespace SlaGrains.Grains.Live;

/// <summary>
/// Keeps the relays in memory: they re-register every half minute, so after a restart of this grain the list is whole
/// again within one period, and nothing about live views needs storage.
/// </summary>
[GrainType("live-registry")]
public sealed class LiveRegistryGrain(IClusterMembershipService membership, TimeProvider clock) : Grain, ILiveRegistryGrain
{
    /// <summary>A relay that has not re-registered for this long is presumed gone.</summary>
    public static readonly TimeSpan Expiry = TimeSpan.FromSeconds(90);

    private readonly Dictionary<ILiveRelay, (SiloAddress? Silo, DateTimeOffset SeenAt)> _relays = [];

    public Task Register(ILiveRelay relay, SiloAddress? silo)
    {
        _relays[relay] = (silo, clock.GetUtcNow());
        return Task.CompletedTask;
    }

    public Task Unregister(ILiveRelay relay)
    {
        _relays.Remove(relay);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ILiveRelay>> Relays()
    {
        var now = clock.GetUtcNow();
        var members = membership.CurrentSnapshot;
        foreach (var (relay, (silo, seenAt)) in _relays.ToList())
        {
            var siloGone = silo is not null && members.GetSiloStatus(silo) is SiloStatus.Dead or SiloStatus.None;
            if (siloGone || now - seenAt > Expiry)
            {
                _relays.Remove(relay);
            }
        }
        return Task.FromResult<IReadOnlyList<ILiveRelay>>([.. _relays.Keys]);
    }
}
