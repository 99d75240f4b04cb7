namespace SlaGrains.Domain.Calendars;

/// <summary>
/// The open intervals of one calendar within a fixed span of the instant timeline, as Unix ticks, with running totals,
/// so "open time up to t" and "the instant where the open time reaches x" are binary searches that allocate nothing.
/// Intervals crossing the span's edges are clipped there; the next block carries on from the same instant.
/// </summary>
internal sealed class CalendarBlock
{
    private readonly long[] _starts;
    private readonly long[] _ends;

    /// <summary>Open ticks in the block before interval i starts.</summary>
    private readonly long[] _before;

    public CalendarBlock(long start, long end, List<(long Start, long End)> intervals)
    {
        Start = start;
        End = end;
        _starts = new long[intervals.Count];
        _ends = new long[intervals.Count];
        _before = new long[intervals.Count];
        long total = 0;
        for (var i = 0; i < intervals.Count; i++)
        {
            _starts[i] = intervals[i].Start;
            _ends[i] = intervals[i].End;
            _before[i] = total;
            total += intervals[i].End - intervals[i].Start;
        }
        Total = total;
    }

    public long Start { get; }
    public long End { get; }
    public long Total { get; }

    /// <summary>Open ticks in <c>[Start, t)</c>, for t within the block.</summary>
    public long OpenBefore(long t)
    {
        var i = LastStartAtOrBefore(t);
        return i < 0 ? 0 : _before[i] + Math.Min(t, _ends[i]) - _starts[i];
    }

    /// <summary>The instant at which the block's open time reaches <paramref name="open"/> (which must be below <see cref="Total"/>).</summary>
    public long InstantAtOpen(long open)
    {
        // First interval whose cumulative end exceeds the target: the target falls inside it, never on its closing edge.
        int lo = 0, hi = _starts.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_before[mid] + (_ends[mid] - _starts[mid]) > open)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }
        return _starts[lo] + (open - _before[lo]);
    }

    public bool IsOpen(long t)
    {
        var i = LastStartAtOrBefore(t);
        return i >= 0 && t < _ends[i];
    }

    /// <summary>The first instant after <paramref name="t"/> at which the open state changes inside this block, or null.</summary>
    public long? NextEdgeAfter(long t)
    {
        var i = LastStartAtOrBefore(t);
        if (i >= 0 && t < _ends[i])
        {
            return _ends[i];
        }
        return i + 1 < _starts.Length ? _starts[i + 1] : null;
    }

    private int LastStartAtOrBefore(long t)
    {
        int lo = 0, hi = _starts.Length - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_starts[mid] <= t)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return found;
    }
}
