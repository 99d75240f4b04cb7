using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Orleans.Serialization;
using Orleans.Storage;
using SlaGrains.Contracts.Serialization;
using SlaGrains.Domain.Cases;
using SlaGrains.Grains.Cases;
using SlaGrains.Grains.Tests.Timing;
using SlaGrains.Host.Storage;

namespace SlaGrains.Grains.Tests.Cases;

/// <summary>
/// The case's event log against the storage the embedded host uses (in-process, exact serializer), written the way the
/// case writes it: events appended, the tail sealed when full, then the case's own record.
/// </summary>
public sealed class CaseEventLogTests : IDisposable
{
    private static readonly Instant At = Instant.FromUtc(2026, 12, 1, 9, 0);
    private readonly ServiceProvider _services = new ServiceCollection().AddSerializer(s => s.AddSlaSerialization()).BuildServiceProvider();
    private readonly FaultyStorage _storage;
    private readonly GrainId _case = GrainId.Create("case", Guid.NewGuid().ToString("N"));

    public CaseEventLogTests() =>
        _storage = new FaultyStorage(new InProcessGrainStorage(new ExactGrainStorageSerializer(_services.GetRequiredService<Serializer>())));

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task Appended_events_read_back_in_arrival_order_after_a_reactivation_with_ids_and_custom_field_names()
    {
        var (log, state) = await Activate();
        log.Append(Opened("open"));
        log.Append(Note("late", At - Duration.FromHours(1), ImmutableDictionary<string, string?>.Empty.Add("region", "EMEA\nNorth").Add("gone", null)));
        await log.SealIfFull();
        await Write(state);

        var (reloaded, _) = await Activate();

        Assert.Equal(["open", "late"], reloaded.Events.Select(e => e.EventId));
        Assert.Equal("EMEA\nNorth", reloaded.Find("late")!.Changes!.CustomFields!["region"]);
        Assert.Null(reloaded.Find("other"));
        Assert.Equal(["region"], reloaded.CustomFieldNames);
        Assert.Empty(state.SealedRuns); // a few small events stay in the case's own record
    }

    [Fact]
    public async Task A_full_tail_is_sealed_into_runs_merged_like_a_binary_counter_and_all_of_it_reads_back()
    {
        var (log, state) = await Activate();
        log.Append(Opened("open"));
        var largestTail = 0;
        for (var i = 0; i < 200; i++)
        {
            log.Append(Note($"note-{i}", At, ImmutableDictionary<string, string?>.Empty.Add("n", new string('x', 200))));
            await log.SealIfFull();
            await Write(state);
            largestTail = Math.Max(largestTail, state.Log.Length);
        }

        var (reloaded, stored) = await Activate();

        Assert.Equal(["open", .. Enumerable.Range(0, 200).Select(i => $"note-{i}")], reloaded.Events.Select(e => e.EventId));
        Assert.InRange(largestTail, 1, CaseEventLog.SealTailAt + 400); // the threshold and one event at most
        Assert.Equal(stored.SealedEvents, stored.SealedRuns.Sum());
        // About 60 KB sealed in 1 KB seals: a handful of runs, each at least as large as the next, not one per seal.
        Assert.InRange(stored.SealedRuns.Count, 1, 6);
        Assert.Equal(stored.SealedRuns.OrderByDescending(n => n), stored.SealedRuns);
    }

    [Fact]
    public async Task A_seal_whose_run_write_fails_leaves_what_is_stored_readable_as_before()
    {
        var (log, state) = await Activate();
        log.Append(Opened("open"));
        await Write(state);
        var events = Enumerable.Range(0, 20).Select(i => Note($"note-{i}", At, ImmutableDictionary<string, string?>.Empty.Add("n", new string('x', 200)))).ToList();
        foreach (var e in events)
        {
            log.Append(e);
        }

        _storage.FailWriteAfter(_case, 0);
        await Assert.ThrowsAsync<TimeoutException>(log.SealIfFull);

        var (reloaded, stored) = await Activate();
        Assert.Equal(["open"], reloaded.Events.Select(e => e.EventId));
        Assert.Empty(stored.SealedRuns);
    }

    [Fact]
    public async Task A_seal_whose_case_write_fails_leaves_the_stored_runs_and_tail_as_the_case_last_counted_them()
    {
        var (log, state) = await Activate();
        log.Append(Opened("open"));
        for (var i = 0; i < 20; i++)
        {
            log.Append(Note($"note-{i}", At, ImmutableDictionary<string, string?>.Empty.Add("n", new string('x', 200))));
            await log.SealIfFull();
            await Write(state);
        }
        var before = state.SealedRuns.ToList();
        for (var i = 20; i < 40; i++)
        {
            log.Append(Note($"note-{i}", At, ImmutableDictionary<string, string?>.Empty.Add("n", new string('x', 200))));
        }

        await log.SealIfFull(); // the runs are written...
        _storage.FailWriteAfter(_case, 0);
        await Assert.ThrowsAsync<TimeoutException>(() => Write(state)); // ...but the case's record that counts them is not

        var (reloaded, stored) = await Activate();
        Assert.Equal(before, stored.SealedRuns);
        Assert.Equal(["open", .. Enumerable.Range(0, 20).Select(i => $"note-{i}")], reloaded.Events.Select(e => e.EventId));

        // Sealing goes on from what was stored, each event once.
        for (var i = 20; i < 60; i++)
        {
            reloaded.Append(Note($"again-{i}", At, ImmutableDictionary<string, string?>.Empty.Add("n", new string('x', 200))));
            await reloaded.SealIfFull();
            await Write(stored);
        }
        var (last, _) = await Activate();
        Assert.Equal(["open", .. Enumerable.Range(0, 20).Select(i => $"note-{i}"), .. Enumerable.Range(20, 40).Select(i => $"again-{i}")],
            last.Events.Select(e => e.EventId));
    }

    private async Task<(CaseEventLog Log, CaseState State)> Activate()
    {
        var stored = new GrainState<CaseState>(new CaseState());
        await _storage.ReadStateAsync("case", _case, stored);
        _etag = stored.ETag;
        var state = stored.State ?? new CaseState();
        return (await CaseEventLog.Load(_storage, _case, state), state);
    }

    private string? _etag;

    private async Task Write(CaseState state)
    {
        var record = new GrainState<CaseState>(state) { ETag = _etag };
        await _storage.WriteStateAsync("case", _case, record);
        _etag = record.ETag;
    }

    private static CaseEvent Opened(string id) =>
        new() { EventId = id, Type = CaseEventType.Opened, OccurredAt = At, Case = new CaseFields { EntitlementId = "gold", Status = "New" } };

    private static CaseEvent Note(string id, Instant at, ImmutableDictionary<string, string?> fields) =>
        new() { EventId = id, Type = CaseEventType.Updated, OccurredAt = at, Changes = new CaseChanges { CustomFields = fields } };
}
