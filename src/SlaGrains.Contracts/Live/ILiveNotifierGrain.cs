using Orleans.Concurrency;
using SlaGrains.Domain.Cases;

namespace SlaGrains.Contracts.Live;

/// <summary>
/// Batches case changes and notices for a few milliseconds and fans them out to every registered relay. A stateless
/// worker: each silo runs its own, so publishing is always a local call.
/// </summary>
[Alias("sla.live-notifier")]
public interface ILiveNotifierGrain : IGrainWithIntegerKey
{
    [Alias("case-changed"), OneWay]
    Task CaseChanged(CaseChange change);

    [Alias("noticed"), OneWay]
    Task Noticed(SlaNotice notice);
}
