namespace SlaGrains.Contracts.Live;

/// <summary>
/// One per process that serves live clients (each silo, each front-end): it receives every change in the cluster and
/// passes on what its own SignalR groups subscribed to. Registered with <see cref="ILiveRegistryGrain"/>.
/// </summary>
[Alias("sla.live-relay")]
public interface ILiveRelay : IGrainObserver
{
    [Alias("cases")]
    Task CasesChanged(IReadOnlyList<CaseChange> changes);

    [Alias("notices")]
    Task Noticed(IReadOnlyList<SlaNotice> notices);
}
