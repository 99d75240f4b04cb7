using System.Collections.Concurrent;
using NodaTime;
using NodaTime.TimeZones;
using SlaGrains.Domain.Validation;

namespace SlaGrains.Domain.Calendars;

/// <summary>
/// Business-time arithmetic on one calendar (SEMANTICS.md §1), exact to the tick and correct across DST changes.
/// Open time lives on the instant timeline: each local interval is mapped through the zone's rules, skipped local
/// times do not exist, and a boundary inside a fall-back repeat takes the earlier instant.
/// Thread-safe; blocks of about a year of open intervals are built on first use and kept.
/// </summary>
public sealed class BusinessCalendar
{
    // 2^25 seconds (~388 days) per block: large enough that an SLA rarely spans two, small enough to build in a millisecond.
    private const long BlockTicks = (1L << 25) * NodaConstants.TicksPerSecond;

    // A calendar that never opens again within this many blocks is treated as broken rather than looped over forever.
    private const int MaxBlocksScanned = 64;

    private static readonly ZoneLocalMappingResolver BoundaryResolver =
        Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnStartOfIntervalAfter);

    private readonly CalendarRules _rules;
    private readonly bool _continuous;
    private readonly ConcurrentDictionary<long, CalendarBlock> _blocks = new();

    private BusinessCalendar(CalendarRules rules)
    {
        _rules = rules;
        _continuous = rules.IsContinuous;
    }

    /// <summary>24x7 in UTC: what a milestone uses when no calendar applies.</summary>
    public static BusinessCalendar AlwaysOpen { get; } =
        FromDefinition(new CalendarDefinition { Name = "24x7", TimeZone = "Etc/UTC", AlwaysOpen = true });

    public DateTimeZone Zone => _rules.Zone;

    /// <summary>Compiles a definition; throws <see cref="DomainValidationException"/> if it is invalid.</summary>
    public static BusinessCalendar FromDefinition(CalendarDefinition definition)
    {
        var errors = new ValidationErrors();
        var rules = CalendarValidator.TryCompile(definition, errors);
        errors.ThrowIfInvalid("calendar");
        return new BusinessCalendar(rules!);
    }

    /// <summary>
    /// The earliest open instant <c>u ≥ start</c> with exactly <paramref name="duration"/> of open time in <c>[start, u)</c>.
    /// A budget used up exactly at a closing time lands on the next opening; a zero duration rolls a closed start forward.
    /// </summary>
    public Instant Add(Instant start, Duration duration)
    {
        if (duration < Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "Business time can only be added forwards.");
        }
        if (_continuous)
        {
            return start + duration;
        }
        var t = start.ToUnixTimeTicks();
        var block = BlockAt(t);
        var target = block.OpenBefore(t) + duration.BclCompatibleTicks;
        for (var scanned = 0; scanned < MaxBlocksScanned; scanned++)
        {
            if (target < block.Total)
            {
                return Instant.FromUnixTimeTicks(block.InstantAtOpen(target));
            }
            target -= block.Total;
            block = BlockAt(block.End);
        }
        throw NeverOpens();
    }

    /// <summary>Open time in <c>[from, to)</c>; negative when <paramref name="to"/> is before <paramref name="from"/>.</summary>
    public Duration Elapsed(Instant from, Instant to)
    {
        if (to < from)
        {
            return -Elapsed(to, from);
        }
        if (_continuous)
        {
            return to - from;
        }
        var a = from.ToUnixTimeTicks();
        var b = to.ToUnixTimeTicks();
        var block = BlockAt(a);
        if (b <= block.End)
        {
            return Duration.FromTicks(block.OpenBefore(b) - block.OpenBefore(a));
        }
        var ticks = block.Total - block.OpenBefore(a);
        block = BlockAt(block.End);
        while (block.End < b)
        {
            ticks += block.Total;
            block = BlockAt(block.End);
        }
        return Duration.FromTicks(ticks + block.OpenBefore(b));
    }

    public bool IsOpen(Instant t)
    {
        if (_continuous)
        {
            return true;
        }
        var ticks = t.ToUnixTimeTicks();
        return BlockAt(ticks).IsOpen(ticks);
    }

    /// <summary>The next instant after <paramref name="t"/> at which the calendar opens or closes; null for 24x7.</summary>
    public Instant? NextTransition(Instant t)
    {
        if (_continuous)
        {
            return null;
        }
        var cursor = t.ToUnixTimeTicks();
        var block = BlockAt(cursor);
        var open = block.IsOpen(cursor);
        for (var scanned = 0; scanned < MaxBlocksScanned; scanned++)
        {
            if (block.NextEdgeAfter(cursor) is { } edge && edge < block.End)
            {
                return Instant.FromUnixTimeTicks(edge);
            }
            // The state runs to the block's end: an edge there is real only if the next block starts in the other state.
            var next = BlockAt(block.End);
            if (next.IsOpen(next.Start) != open)
            {
                return Instant.FromUnixTimeTicks(next.Start);
            }
            block = next;
            cursor = next.Start;
        }
        return null;
    }

    /// <summary>Like <see cref="Add(Instant, Duration)"/>, with the clock also stopped during <paramref name="pauses"/> (sorted, disjoint).
    /// Null when the budget cannot run out because an open-ended pause stops the clock for good.</summary>
    public Instant? Add(Instant start, Duration duration, IReadOnlyList<PauseInterval> pauses)
    {
        ArgumentNullException.ThrowIfNull(pauses);
        var cursor = start;
        var remaining = duration;
        foreach (var pause in pauses)
        {
            if (pause.End is { } pauseEnd && pauseEnd <= cursor)
            {
                continue;
            }
            if (pause.Start > cursor)
            {
                var before = Elapsed(cursor, pause.Start);
                if (before > remaining)
                {
                    return Add(cursor, remaining);
                }
                remaining -= before;
            }
            if (pause.End is null)
            {
                return null;
            }
            cursor = pause.End.Value;
        }
        return Add(cursor, remaining);
    }

    /// <summary>Open time in <c>[from, to)</c> outside <paramref name="pauses"/>; <c>from ≤ to</c>.</summary>
    public Duration Elapsed(Instant from, Instant to, IReadOnlyList<PauseInterval> pauses) =>
        Elapsed(from, to) - PausedOpenTime(from, to, pauses);

    /// <summary>Open time in <c>[from, to)</c> that fell inside <paramref name="pauses"/>.</summary>
    public Duration PausedOpenTime(Instant from, Instant to, IReadOnlyList<PauseInterval> pauses)
    {
        ArgumentNullException.ThrowIfNull(pauses);
        var paused = Duration.Zero;
        foreach (var pause in pauses)
        {
            var start = pause.Start > from ? pause.Start : from;
            var end = pause.End is { } e && e < to ? e : to;
            if (end > start)
            {
                paused += Elapsed(start, end);
            }
        }
        return paused;
    }

    private CalendarBlock BlockAt(long ticks)
    {
        var index = Math.DivRem(ticks, BlockTicks, out var rem);
        if (rem < 0)
        {
            index--;
        }
        return _blocks.TryGetValue(index, out var block) ? block : _blocks.GetOrAdd(index, BuildBlock(index));
    }

    private CalendarBlock BuildBlock(long index)
    {
        var start = index * BlockTicks;
        var end = start + BlockTicks;
        var firstDate = Instant.FromUnixTimeTicks(start).InZone(Zone).Date.PlusDays(-1);
        var lastDate = Instant.FromUnixTimeTicks(end).InZone(Zone).Date.PlusDays(1);
        var intervals = new List<(long Start, long End)>();
        for (var date = firstDate; date <= lastDate; date = date.PlusDays(1))
        {
            var open = _rules.OpenIntervals(date);
            for (var i = 0; i < open.Length; i += 2)
            {
                var from = Math.Max(ToTicks(date, open[i]), start);
                var to = Math.Min(ToTicks(date, open[i + 1]), end);
                if (to <= from)
                {
                    continue; // skipped by a spring-forward, or outside the block
                }
                if (intervals.Count > 0 && from <= intervals[^1].End)
                {
                    intervals[^1] = (intervals[^1].Start, Math.Max(intervals[^1].End, to));
                }
                else
                {
                    intervals.Add((from, to));
                }
            }
        }
        return new CalendarBlock(start, end, intervals);
    }

    private long ToTicks(LocalDate date, int secondsOfDay)
    {
        var local = secondsOfDay == LocalTimeOfDay.SecondsPerDay
            ? date.PlusDays(1).AtMidnight()
            : date.At(LocalTime.FromSecondsSinceMidnight(secondsOfDay));
        return Zone.ResolveLocal(local, BoundaryResolver).ToInstant().ToUnixTimeTicks();
    }

    private static InvalidOperationException NeverOpens() =>
        new("The calendar has no open time in the next 60 years; check its weekly hours and holidays.");
}
