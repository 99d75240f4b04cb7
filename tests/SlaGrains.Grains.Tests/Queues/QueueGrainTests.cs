using NodaTime;
using Orleans.Storage;
using SlaGrains.Contracts.Queues;
using SlaGrains.Domain.Cases;
using SlaGrains.Grains.Queues;
using SlaGrains.Grains.Tests.Cases;

namespace SlaGrains.Grains.Tests.Queues;

/// <summary>A queue's index, split into buckets by case id, read as one list.</summary>
[Collection(ClusterTests.Name)]
public sealed class QueueGrainTests(ClusterFixture fixture)
{
    private static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 9, 0);

    [Fact]
    public async Task A_queue_lists_the_soonest_cases_of_all_its_buckets_and_forgets_removed_ones()
    {
        var queue = NewQueue();
        // 60 cases, the soonest deadline on the last; three without a deadline.
        var entries = Enumerable.Range(0, 60).Select(i => Entry($"c-{i}", i < 3 ? null : Start + Duration.FromMinutes(100 - i))).ToList();
        Assert.True(entries.Select(e => QueueBuckets.Of(e.CaseId)).Distinct().Count() > 10); // the test spans many buckets
        foreach (var entry in entries)
        {
            await Bucket(queue, entry.CaseId).Upsert(entry);
        }
        await Bucket(queue, "c-59").Remove("c-59", version: 1);

        var all = await SlaDriver.Eventually(() => Queue(queue).List(100), listed => listed.Count == 59);
        var soonest = await Queue(queue).List(5);

        Assert.Equal(["c-58", "c-57", "c-56", "c-55", "c-54"], soonest.Select(e => e.CaseId));
        Assert.Equal(59, all.Count);
        Assert.Equal(["c-0", "c-1", "c-2"], all.TakeLast(3).Select(e => e.CaseId)); // no deadline: last, by id
        Assert.Equal(all.OrderBy(e => e.DeadlineAt is null).ThenBy(e => e.DeadlineAt).Select(e => e.CaseId), all.Select(e => e.CaseId));
    }

    [Fact]
    public async Task A_late_update_older_than_a_removal_does_not_bring_the_case_back()
    {
        var queue = NewQueue();
        await Bucket(queue, "gone").Upsert(Entry("gone", Start, version: 5));
        await Bucket(queue, "gone").Remove("gone", version: 9);

        // One-way calls may overtake each other: an update sent before the removal arrives after it. A case of the same
        // bucket, updated after it, shows when the bucket has seen both.
        var sameBucket = Enumerable.Range(0, 1000).Select(i => $"late-{i}").First(id => QueueBuckets.Of(id) == QueueBuckets.Of("gone"));
        await Bucket(queue, "gone").Upsert(Entry("gone", Start, version: 8));
        await Bucket(queue, sameBucket).Upsert(Entry(sameBucket, Start + Duration.FromHours(5)));
        await SlaDriver.Eventually(() => Queue(queue).List(100), entries => entries.Any(e => e.CaseId == sameBucket));
        Assert.DoesNotContain(await Queue(queue).List(100), e => e.CaseId == "gone");
    }

    [Fact]
    public async Task Reading_a_queue_that_never_held_a_case_activates_none_of_its_buckets()
    {
        var queue = NewQueue();

        Assert.Empty(await Queue(queue).List(100));
        Assert.Empty(await Queue(queue).List(5));

        Assert.Equal(0, await BucketActivations(queue));
    }

    [Fact]
    public async Task A_queue_reads_its_buckets_from_the_first_case_indexed_under_it_and_remembers_it_across_activations()
    {
        var queue = NewQueue();
        Assert.Empty(await Queue(queue).List(100));

        // As a case indexes itself: straight into its bucket, not through the queue.
        await Bucket(queue, "c-1").Upsert(Entry("c-1", Start));
        await SlaDriver.Eventually(() => Queue(queue).List(100), listed => listed.Count == 1);

        // The queue stored that it is in use: a new activation still reads its buckets.
        var stored = new GrainState<QueueIndexedState>(new QueueIndexedState());
        await SlaDriver.Eventually(async () =>
        {
            await Storage.ReadStateAsync("queue", GrainId.Create("queue", queue), stored);
            return stored.State;
        }, state => state is { Indexed: true });
        await fixture.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        Assert.Equal(["c-1"], (await Queue(queue).List(100)).Select(e => e.CaseId));
    }

    [Fact]
    public async Task A_page_starts_after_its_cursor_and_holds_only_the_states_and_queues_asked_for_across_buckets()
    {
        var index = NewQueue();
        var violated = new MilestoneSnapshot
        {
            Id = "first-response#1", Name = "First Response", Instance = 1, Status = MilestoneStatus.Violated, IsViolated = true,
            StartedAt = Start, TargetAt = Start, TargetSeconds = 60, ElapsedSeconds = 60, RemainingSeconds = 0, OverdueSeconds = 5,
            PausedSeconds = 0, ActualElapsedSeconds = 65, ClockRunning = true,
        };
        var entries = Enumerable.Range(0, 40).Select(i => Entry($"p-{i:00}", Start + Duration.FromMinutes(i)) with
        {
            Queue = i % 2 == 0 ? "Even" : "Odd",
            OpenMilestones = i % 4 == 0 ? [violated] : [],
        }).ToList();
        Assert.True(entries.Select(e => QueueBuckets.Of(e.CaseId)).Distinct().Count() > 10);
        foreach (var entry in entries)
        {
            await Bucket(index, entry.CaseId).Upsert(entry);
        }
        await SlaDriver.Eventually(() => Queue(index).List(100), listed => listed.Count == 40);

        var first = await Queue(index).Page(new QueueQuery { Limit = 3, Queues = ["Even"] });
        var second = await Queue(index).Page(new QueueQuery { Limit = 3, Queues = ["Even"], After = QueuePosition.Of(first[^1]) });
        var violatedOnly = await Queue(index).Page(new QueueQuery { Limit = 100, States = [CaseListState.Violated] });
        var none = await Queue(index).Page(new QueueQuery { Limit = 100, Queues = ["Other"] });

        Assert.Equal(["p-00", "p-02", "p-04"], first.Select(e => e.CaseId));
        Assert.Equal(["p-06", "p-08", "p-10"], second.Select(e => e.CaseId));
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"p-{i * 4:00}"), violatedOnly.Select(e => e.CaseId));
        Assert.Empty(none);
    }

    [Fact]
    public void Positions_order_as_the_listing_does_cases_without_a_deadline_last()
    {
        var early = new QueuePosition(Start, "b");
        var none = new QueuePosition(null, "b");

        Assert.True(early.Precedes(Entry("c", Start)));
        Assert.False(early.Precedes(Entry("a", Start)));
        Assert.True(early.Precedes(Entry("a", Start + Duration.FromSeconds(1))));
        Assert.True(early.Precedes(Entry("a", null)));
        Assert.False(none.Precedes(Entry("z", Start)));
        Assert.True(none.Precedes(Entry("c", null)));
        Assert.False(none.Precedes(Entry("a", null)));
    }

    /// <summary>Activations of <paramref name="queue"/>'s bucket grains in the cluster, as Orleans' management grain counts them.</summary>
    private async Task<int> BucketActivations(string queue)
    {
        var statistics = await fixture.Client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        return statistics.Count(s => s.GrainId.Type.ToString() == "queue-bucket" &&
                                     QueueBuckets.QueueOf(s.GrainId.Key.ToString()!) == queue);
    }

    private static string NewQueue() => $"Tier {Guid.NewGuid():N}";

    private static QueueEntry Entry(string caseId, Instant? deadline, long version = 1) =>
        new() { CaseId = caseId, Subject = caseId, DeadlineAt = deadline, Version = version };

    private IQueueGrain Queue(string queue) => fixture.Client.GetGrain<IQueueGrain>(queue);

    /// <summary>The bucket a case indexes itself in, as the case grain does.</summary>
    private IQueueBucketGrain Bucket(string queue, string caseId) => fixture.Client.GetGrain<IQueueBucketGrain>(QueueBuckets.KeyFor(queue, caseId));

    private IGrainStorage Storage => fixture.Storage;
}
