using NodaTime;

namespace SlaGrains.Domain.Calendars;

/// <summary>
/// Calendar versions in force one after another (docs/semantics.md, "Calendar versions"): each from its switch
/// instant until the next one, the first also before its own. Business time across a switch counts each stretch by
/// the version in force then, so a budget started under one version runs on under the next.
/// </summary>
public sealed class VersionedCalendar : BusinessCalendar
{
    // Few versions per calendar: a linear scan finds the one in force faster than a search would.
    private readonly Instant[] _from;
    private readonly BusinessCalendar[] _calendars;

    /// <param name="segments">At least two, by strictly increasing switch instant.</param>
    public VersionedCalendar(IReadOnlyList<(Instant From, BusinessCalendar Calendar)> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        ArgumentOutOfRangeException.ThrowIfLessThan(segments.Count, 2);
        for (var i = 1; i < segments.Count; i++)
        {
            if (segments[i].From <= segments[i - 1].From)
            {
                throw new ArgumentException("Switch instants must increase strictly.", nameof(segments));
            }
        }
        _from = [.. segments.Select(s => s.From)];
        _calendars = [.. segments.Select(s => s.Calendar)];
    }

    /// <summary>The instants at which a later version takes over.</summary>
    public IReadOnlyList<Instant> Switches => _from[1..];

    public override Instant? Add(Instant start, Duration duration)
    {
        if (duration < Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "Business time can only be added forwards.");
        }
        var i = IndexAt(start);
        var cursor = start;
        var remaining = duration;
        while (i + 1 < _from.Length)
        {
            var end = _from[i + 1];
            // Landing before the switch is this version's answer; otherwise its open time up to the switch is spent
            // and the rest (maybe none: a zero rest rolls to the next opening) runs on the next version.
            if (_calendars[i].Add(cursor, remaining) is { } result && result < end)
            {
                return result;
            }
            remaining -= _calendars[i].Elapsed(cursor, end);
            cursor = end;
            i++;
        }
        return _calendars[i].Add(cursor, remaining);
    }

    public override Duration Elapsed(Instant start, Instant until)
    {
        if (until < start)
        {
            return -Elapsed(until, start);
        }
        var i = IndexAt(start);
        var cursor = start;
        var total = Duration.Zero;
        while (i + 1 < _from.Length && _from[i + 1] < until)
        {
            total += _calendars[i].Elapsed(cursor, _from[i + 1]);
            cursor = _from[i + 1];
            i++;
        }
        return total + _calendars[i].Elapsed(cursor, until);
    }

    public override bool IsOpen(Instant t) => _calendars[IndexAt(t)].IsOpen(t);

    public override Instant? NextTransition(Instant t)
    {
        var i = IndexAt(t);
        var cursor = t;
        var open = _calendars[i].IsOpen(t);
        while (true)
        {
            var next = _calendars[i].NextTransition(cursor);
            if (i + 1 == _from.Length)
            {
                return next;
            }
            var end = _from[i + 1];
            if (next is { } at && at < end)
            {
                return at;
            }
            // Nothing flips before the switch, so the state just before it is still `open`: the switch is a
            // transition only if the next version starts in the other state.
            if (_calendars[i + 1].IsOpen(end) != open)
            {
                return end;
            }
            cursor = end;
            i++;
        }
    }

    private int IndexAt(Instant t)
    {
        var i = _from.Length - 1;
        while (i > 0 && _from[i] > t)
        {
            i--;
        }
        return i;
    }
}
