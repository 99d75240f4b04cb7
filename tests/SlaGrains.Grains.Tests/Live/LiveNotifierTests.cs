using System.Collections.Concurrent;
using NodaTime;
using SlaGrains.Contracts.Live;
using SlaGrains.Domain.Cases;

namespace SlaGrains.Grains.Tests.Live;

/// <summary>The live fan-out on a real cluster: batches reach every relay that is there, whatever happened to the others.</summary>
[Collection(ClusterTests.Name)]
public sealed class LiveNotifierTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_relay_that_went_away_does_not_hold_back_pushes_to_the_others()
    {
        var registry = fixture.Client.GetGrain<ILiveRegistryGrain>(0);
        var gone = fixture.Client.CreateObjectReference<ILiveRelay>(new Relay());
        await registry.Register(gone, silo: null);
        fixture.Client.DeleteObjectReference<ILiveRelay>(gone); // a front-end that crashed before the registry forgot it
        var alive = new Relay();
        var aliveReference = fixture.Client.CreateObjectReference<ILiveRelay>(alive);
        await registry.Register(aliveReference, silo: null);
        var caseId = $"live-{Guid.NewGuid():N}";
        var notifier = fixture.Client.GetGrain<ILiveNotifierGrain>(0);

        try
        {
            for (var version = 1; version <= 3; version++)
            {
                await notifier.CaseChanged(new CaseChange(Snapshot(caseId), version));
                // The relay that went away never answers; a notifier waiting for it would deliver the next batch only
                // after Orleans' 30 s response timeout.
                await Until(() => alive.Versions(caseId).Contains(version), TimeSpan.FromSeconds(10),
                    $"version {version} of {caseId} did not reach the live relay; it has [{string.Join(", ", alive.Versions(caseId))}]");
            }
        }
        finally
        {
            await registry.Unregister(gone);
            await registry.Unregister(aliveReference);
            fixture.Client.DeleteObjectReference<ILiveRelay>(aliveReference);
        }
    }

    private static CaseSnapshot Snapshot(string caseId) => new()
    {
        CaseId = caseId,
        AsOf = Instant.FromDateTimeOffset(ClusterFixture.Start),
        Closed = false,
        IsStopped = false,
        MilestoneStatus = CaseMilestoneStatus.Compliant,
        Milestones = [],
    };

    /// <summary>
    /// Waits for a condition in real time, nudging the fake clock the grains' timers run on past the notifier's
    /// batching window on each round.
    /// </summary>
    private async Task Until(Func<bool> done, TimeSpan bound, string failure)
    {
        var deadline = DateTime.UtcNow + bound;
        while (!done())
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            fixture.Clock.Advance(TimeSpan.FromMilliseconds(20));
            await Task.Delay(20);
        }
    }

    private sealed class Relay : ILiveRelay
    {
        private readonly ConcurrentQueue<CaseChange> _changes = new();

        public IReadOnlyList<long> Versions(string caseId) => [.. _changes.Where(c => c.Snapshot.CaseId == caseId).Select(c => c.Version)];

        public Task CasesChanged(IReadOnlyList<CaseChange> changes)
        {
            foreach (var change in changes)
            {
                _changes.Enqueue(change);
            }
            return Task.CompletedTask;
        }

        public Task Noticed(IReadOnlyList<SlaNotice> notices) => Task.CompletedTask;
    }
}
