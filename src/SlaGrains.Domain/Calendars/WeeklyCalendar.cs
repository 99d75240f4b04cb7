using NodaTime;
using NodaTime.TimeZones;
using SlaGrains.Domain.Validation;

namespace SlaGrains.Domain.Calendars;

/// <summary>
/// Business-time arithmetic on one calendar definition (docs/semantics.md, "Business time"), exact to the tick and correct across DST changes.
/// Open time lives on the instant timeline: each local interval is mapped through the zone's rules, skipped local
/// times do not exist, and a boundary inside a fall-back repeat takes the earlier instant.
/// Only <see cref="InstantRange"/> is computed: time outside it is closed (24x7 calendars aside), and a result beyond
/// its end is null ("not reachable"), so no input costs more than the blocks of that range. Thread-safe; blocks of
/// about a year of open intervals are built on first use and a bounded number of them kept.
/// </summary>
public sealed class WeeklyCalendar : BusinessCalendar
{
    // 2^25 seconds (~388 days) per block: large enough that an SLA rarely spans two, small enough to build in a millisecond.
    private const long BlockTicks = (1L << 25) * NodaConstants.TicksPerSecond;

    /// <summary>Blocks kept per calendar (about 16 years around the instants in use); others are rebuilt when asked for.</summary>
    public const int BlocksKept = 16;

    private static readonly long MinTicks = InstantRange.Start.ToUnixTimeTicks();
    private static readonly long MaxTicks = InstantRange.End.ToUnixTimeTicks();
    private static readonly long FirstBlock = BlockIndex(MinTicks);
    private static readonly long LastBlock = BlockIndex(MaxTicks - 1);

    private static readonly ZoneLocalMappingResolver BoundaryResolver =
        Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnStartOfIntervalAfter);

    private readonly CalendarRules _rules;
    private readonly bool _continuous;

    // Direct-mapped by block index: bounded, lock-free, and a hit allocates nothing (a keyed cache would box the key
    // or take a lock on every add/elapsed). A block evicts the one BlocksKept indices away from it.
    private readonly CalendarBlock?[] _blocks = new CalendarBlock?[BlocksKept];

    // The open ticks of every block of the range once built (-1 until then): a span across many years adds these up
    // without rebuilding the evicted blocks in between.
    private readonly long[] _totals;

    internal WeeklyCalendar(CalendarRules rules)
    {
        _rules = rules;
        _continuous = rules.IsContinuous;
        _totals = _continuous ? [] : new long[LastBlock - FirstBlock + 1];
        Array.Fill(_totals, -1);
    }

    public DateTimeZone Zone => _rules.Zone;

    /// <summary>
    /// The earliest open instant <c>u ≥ start</c> with exactly <paramref name="duration"/> of open time in <c>[start, u)</c>.
    /// A budget used up exactly at a closing time lands on the next opening; a zero duration rolls a closed start forward.
    /// Null when that instant is not before <see cref="InstantRange.End"/>.
    /// </summary>
    public override Instant? Add(Instant start, Duration duration)
    {
        if (duration < Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "Business time can only be added forwards.");
        }
        if (start >= InstantRange.End || duration >= InstantRange.End - start)
        {
            return null; // open time never exceeds wall time; compared as durations, so nothing overflows
        }
        if (_continuous)
        {
            return start + duration;
        }
        var t = Math.Max(start.ToUnixTimeTicks(), MinTicks);
        var index = BlockIndex(t);
        var block = BlockAt(index);
        var target = block.OpenBefore(t) + duration.BclCompatibleTicks;
        while (target >= block.Total)
        {
            target -= block.Total;
            index++;
            while (index <= LastBlock && KnownTotal(index) is var total && total >= 0 && target >= total)
            {
                target -= total;
                index++;
            }
            if (index > LastBlock)
            {
                return null;
            }
            block = BlockAt(index);
        }
        var result = block.InstantAtOpen(target);
        return result < MaxTicks ? Instant.FromUnixTimeTicks(result) : null;
    }

    /// <summary>Open time in <c>[start, until)</c>; negative when <paramref name="until"/> is before <paramref name="start"/>.</summary>
    public override Duration Elapsed(Instant start, Instant until)
    {
        if (until < start)
        {
            return -Elapsed(until, start);
        }
        if (_continuous)
        {
            return until - start;
        }
        var a = Clamp(start);
        var b = Clamp(until);
        if (a >= b)
        {
            return Duration.Zero;
        }
        var index = BlockIndex(a);
        var block = BlockAt(index);
        if (b <= block.End)
        {
            return Duration.FromTicks(block.OpenBefore(b) - block.OpenBefore(a));
        }
        var ticks = block.Total - block.OpenBefore(a);
        index++;
        while (BlockStart(index) + BlockTicks < b)
        {
            var total = KnownTotal(index);
            ticks += total >= 0 ? total : BlockAt(index).Total;
            index++;
        }
        return Duration.FromTicks(ticks + BlockAt(index).OpenBefore(b));
    }

    public override bool IsOpen(Instant t)
    {
        if (_continuous)
        {
            return true;
        }
        if (!InstantRange.Contains(t))
        {
            return false;
        }
        var ticks = t.ToUnixTimeTicks();
        return BlockAt(BlockIndex(ticks)).IsOpen(ticks);
    }

    /// <summary>The next instant after <paramref name="t"/> at which the calendar opens or closes; null for 24x7 and
    /// when there is none before <see cref="InstantRange.End"/>.</summary>
    public override Instant? NextTransition(Instant t)
    {
        if (_continuous || t >= InstantRange.End)
        {
            return null;
        }
        var cursor = Math.Max(t.ToUnixTimeTicks(), MinTicks);
        var index = BlockIndex(cursor);
        var block = BlockAt(index);
        var open = block.IsOpen(cursor);
        while (true)
        {
            if (block.NextEdgeAfter(cursor) is { } edge && edge < block.End)
            {
                return edge < MaxTicks ? Instant.FromUnixTimeTicks(edge) : null;
            }
            if (++index > LastBlock)
            {
                return null;
            }
            // The state runs to the block's end: an edge there is real only if the next block starts in the other state.
            var next = BlockAt(index);
            if (next.IsOpen(next.Start) != open)
            {
                return next.Start < MaxTicks ? Instant.FromUnixTimeTicks(next.Start) : null;
            }
            block = next;
            cursor = next.Start;
        }
    }

    private static long BlockIndex(long ticks)
    {
        var index = Math.DivRem(ticks, BlockTicks, out var rem);
        return rem < 0 ? index - 1 : index;
    }

    private static long BlockStart(long index) => index * BlockTicks;

    private static long Clamp(Instant t) => Math.Clamp(t.ToUnixTimeTicks(), MinTicks, MaxTicks);

    private long KnownTotal(long index) => Volatile.Read(ref _totals[index - FirstBlock]);

    /// <summary>The block of <paramref name="index"/>, which lies within the range's blocks.</summary>
    private CalendarBlock BlockAt(long index)
    {
        ref var slot = ref _blocks[(int)((ulong)index % BlocksKept)];
        var block = Volatile.Read(ref slot);
        if (block is not null && block.Start == BlockStart(index))
        {
            return block;
        }
        block = BuildBlock(index);
        Volatile.Write(ref _totals[index - FirstBlock], block.Total);
        Volatile.Write(ref slot, block);
        return block;
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
}
