using System.Buffers;
using Orleans.Storage;
using SlaGrains.Domain.Cases;

namespace SlaGrains.Grains.Cases;

/// <summary>
/// A case's event log, the truth everything else derives from: the recent tail in the case's own record
/// (<see cref="CaseState.Log"/>) and the sealed start in runs of their own (<see cref="CaseLogState"/>), each event
/// encoded once as a JSON line (<see cref="StoredEvent"/>). Appending touches the tail only; the case's own write
/// stores it. Not thread-safe: one per activation.
/// </summary>
public sealed class CaseEventLog
{
    private const string RunStateNamePrefix = "case-log"; // the first sealed run; later ones add "-1", "-2", ...

    /// <summary>
    /// Past this many bytes the tail is sealed. Every event rewrites the tail, so it is most of what a case's own write
    /// costs; 1 KB keeps that small and the row far under PostgreSQL's 2 KB TOAST threshold (docs/benchmarks.md has the A/B).
    /// </summary>
    public const int SealTailAt = 1024;

    private readonly IGrainStorage _storage;
    private readonly GrainId _grainId;
    private readonly CaseState _state;
    private readonly List<CaseEvent> _events = []; // the sealed runs and the tail decoded, in arrival order
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly HashSet<string> _customFieldNames = new(StringComparer.Ordinal);
    private ArrayBufferWriter<byte> _tail = new(); // the tail's buffer: an event is appended, the rest never copied again
    // The sealed runs' records by index, as read or written here (with their etags); the first State.SealedRuns.Count
    // are the runs the case counts, holding exactly those events. Any after them are spent.
    private readonly List<GrainState<CaseLogState>> _runs = [];

    private CaseEventLog(IGrainStorage storage, GrainId grainId, CaseState state)
    {
        _storage = storage;
        _grainId = grainId;
        _state = state;
    }

    /// <summary>Every event, in arrival order.</summary>
    public IReadOnlyList<CaseEvent> Events => _events;

    /// <summary>Every custom field name the history has set (<see cref="CaseEventValidator.ValidateCustomFieldTotal"/>).</summary>
    public IReadOnlySet<string> CustomFieldNames => _customFieldNames;

    /// <summary>Reads the sealed runs <paramref name="state"/> counts and decodes them and its tail.</summary>
    public static async Task<CaseEventLog> Load(IGrainStorage storage, GrainId grainId, CaseState state)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(state);
        var log = new CaseEventLog(storage, grainId, state);
        foreach (var count in state.SealedRuns)
        {
            var run = await log.ReadNextRun();
            run.Events = StoredEvent.FirstLines(run.Events, count);
            log.AddAll(StoredEvent.ReadAll(run.Events));
        }
        log._tail.Write(state.Log.Span);
        state.Log = log._tail.WrittenMemory;
        log.AddAll(StoredEvent.ReadAll(state.Log));
        return log;
    }

    /// <summary>The stored event with id <paramref name="eventId"/>, if the log holds one.</summary>
    public CaseEvent? Find(string eventId) =>
        _ids.Contains(eventId) ? _events.Find(e => e.EventId == eventId) : null; // a scan only for a resend, which is rare

    /// <summary>Adds <paramref name="e"/> (a new id) to the tail; the case's next write stores it.</summary>
    public void Append(CaseEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        Add(e);
        StoredEvent.Append(_tail, e);
        _state.Log = _tail.WrittenMemory;
    }

    /// <summary>
    /// Once the tail has grown past <see cref="SealTailAt"/>, moves it to the sealed log, so that the case's own write
    /// stays small however long its history grows. The sealed log is a few runs, each its own record, merged the way
    /// a binary counter carries: the tail becomes a new run, and while the run before it is no larger, the two become
    /// one. Runs then roughly halve in size from the first: a case of n sealed bytes reads about log₂(n / 1 KB)
    /// records when it activates, and rewrites each event about that many times over its life. A merged run is
    /// written into the record of its first run, whose events it begins with, and a new run into a record the case
    /// does not count: until the case's own write records the seal, every run it counts reads as before (the first
    /// lines of its record) and the tail still holds the rest.
    /// </summary>
    public async Task SealIfFull()
    {
        if (_tail.WrittenCount < SealTailAt)
        {
            return;
        }
        var counts = _state.SealedRuns;
        var first = counts.Count;
        var bytes = _tail.WrittenCount;
        while (first > 0 && Run(first - 1).Events.Length <= bytes)
        {
            first--;
            bytes += Run(first).Events.Length;
        }
        var joined = new byte[bytes];
        var at = 0;
        for (var i = first; i < counts.Count; i++)
        {
            Run(i).Events.Span.CopyTo(joined.AsSpan(at));
            at += Run(i).Events.Length;
        }
        _tail.WrittenSpan.CopyTo(joined.AsSpan(at));

        if (first == _runs.Count)
        {
            await ReadNextRun(); // a record spent by an earlier merge is still there, with an etag to match
        }
        Run(first).Events = joined;
        await _storage.WriteStateAsync(RunStateName(first), _grainId, _runs[first]);
        for (var i = first + 1; i < counts.Count; i++)
        {
            Run(i).Events = ReadOnlyMemory<byte>.Empty; // spent: now part of the merged run
        }
        var merged = _events.Count - _state.SealedEvents;
        for (var i = first; i < counts.Count; i++)
        {
            merged += counts[i];
        }
        _state.SealedRuns = [.. counts.Take(first), merged];
        _state.SealedEvents = _events.Count;
        _tail = new ArrayBufferWriter<byte>();
        _state.Log = ReadOnlyMemory<byte>.Empty;
    }

    /// <summary>The state name of sealed run <paramref name="index"/>.</summary>
    public static string RunStateName(int index) => index == 0 ? RunStateNamePrefix : $"{RunStateNamePrefix}-{index}";

    private void AddAll(List<CaseEvent> events)
    {
        foreach (var e in events)
        {
            Add(e);
        }
    }

    private void Add(CaseEvent e)
    {
        _events.Add(e);
        _ids.Add(e.EventId);
        if (e.Case?.CustomFields is not null || e.Changes?.CustomFields is not null)
        {
            _customFieldNames.UnionWith(CaseEventValidator.CustomFieldNamesSetBy(e));
        }
    }

    /// <summary>Reads the record of the run after those in <see cref="_runs"/> and keeps it there, with its etag.</summary>
    private async Task<CaseLogState> ReadNextRun()
    {
        var stored = new GrainState<CaseLogState>(new CaseLogState());
        await _storage.ReadStateAsync(RunStateName(_runs.Count), _grainId, stored);
        stored.State ??= new CaseLogState();
        _runs.Add(stored);
        return stored.State;
    }

    private CaseLogState Run(int index) => _runs[index].State!; // ReadNextRun never keeps a null
}
