namespace SlaGrains.Contracts.Live;

/// <summary>
/// The relays currently serving live clients (key 0). Relays re-register periodically; ones whose silo left the cluster
/// or that stopped re-registering drop out, so a crashed front-end is forgotten without anyone telling.
/// </summary>
[Alias("sla.live-registry")]
public interface ILiveRegistryGrain : IGrainWithIntegerKey
{
    /// <param name="relay">The observer reference.</param>
    /// <param name="silo">The silo hosting the relay, or null for a client (front-end) process.</param>
    [Alias("register")]
    Task Register(ILiveRelay relay, SiloAddress? silo);

    [Alias("unregister")]
    Task Unregister(ILiveRelay relay);

    [Alias("relays")]
    Task<IReadOnlyList<ILiveRelay>> Relays();
}
