using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using SlaGrains.Contracts.Live;
using SlaGrains.Domain.Cases;

namespace SlaGrains.Grains.Live;

/// <summary>
/// Collects changes for <see cref="BatchWindow"/> and sends each batch once to every relay, so a burst of events costs
/// one message per relay, not one per event and relay. Later changes of the same case replace earlier ones in a batch.
/// </summary>
[GrainType("live-notifier"), StatelessWorker(1)]
public sealed partial class LiveNotifierGrain(ILogger<LiveNotifierGrain> logger) : Grain, ILiveNotifierGrain
{
    private static readonly TimeSpan BatchWindow = TimeSpan.FromMilliseconds(15);
    private static readonly TimeSpan RelayRefresh = TimeSpan.FromSeconds(5);

    private readonly Dictionary<string, CaseChange> _changes = new(StringComparer.Ordinal);
    private readonly List<SlaNotice> _notices = [];
    private IGrainTimer? _flush;
    private IReadOnlyList<ILiveRelay> _relays = [];
    private DateTime _relaysFetchedAt = DateTime.MinValue;

    public Task CaseChanged(CaseChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        // Merged, not replaced: an owner's or queue's view that a case left earlier in the batch still hears of it.
        _changes[change.Snapshot.CaseId] = _changes.TryGetValue(change.Snapshot.CaseId, out var current) ? current.Then(change) : change;
        ScheduleFlush();
        return Task.CompletedTask;
    }

    public Task Noticed(SlaNotice notice)
    {
        _notices.Add(notice);
        ScheduleFlush();
        return Task.CompletedTask;
    }

    private void ScheduleFlush()
    {
        if (_flush is null)
        {
            _flush = this.RegisterGrainTimer(Flush, BatchWindow, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task Flush(CancellationToken cancellationToken)
    {
        _flush?.Dispose();
        _flush = null;
        IReadOnlyList<CaseChange> changes = [.. _changes.Values];
        IReadOnlyList<SlaNotice> notices = [.. _notices];
        _changes.Clear();
        _notices.Clear();

        if (DateTime.UtcNow - _relaysFetchedAt > RelayRefresh)
        {
            _relays = await GrainFactory.GetGrain<ILiveRegistryGrain>(0).Relays();
            // An empty list is not worth keeping: right after startup the relays are still registering.
            _relaysFetchedAt = _relays.Count > 0 ? DateTime.UtcNow : DateTime.MinValue;
        }
        await Task.WhenAll(_relays.Select(async relay =>
        {
            try
            {
                if (changes.Count > 0)
                {
                    await relay.CasesChanged(changes);
                }
                if (notices.Count > 0)
                {
                    await relay.Noticed(notices);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The calls are one-way, so only a relay that cannot even be addressed lands here; live pushes are best effort.
                _relaysFetchedAt = DateTime.MinValue;
                LogRelayFailed(ex);
            }
        }));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "A live relay did not take a batch")]
    private partial void LogRelayFailed(Exception ex);
}
