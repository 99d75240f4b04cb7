using Orleans.Concurrency;
using SlaGrains.Domain.Cases;

namespace SlaGrains.Contracts.Live;

/// <summary>
/// One per process that serves live clients (each silo, each front-end): it receives every change in the cluster and
/// passes on what its own SignalR groups subscribed to. Registered with <see cref="ILiveRegistryGrain"/>.
/// </summary>
/// <remarks>
/// One-way: pushes are best effort, and a relay that went away (a front-end that crashed or is stopping) must not hold
/// the notifier for a response timeout, which delayed every push behind it and stalled a silo's shutdown by 30 s.
/// </remarks>
[Alias("sla.live-relay")]
public interface ILiveRelay : IGrainObserver
{
    [Alias("cases"), OneWay]
    Task CasesChanged(IReadOnlyList<CaseChange> changes);

    [Alias("notices"), OneWay]
    Task Noticed(IReadOnlyList<SlaNotice> notices);
}
