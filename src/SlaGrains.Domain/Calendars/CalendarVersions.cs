using NodaTime;

namespace SlaGrains.Domain.Calendars;

/// <summary>Which calendar version a case counts business time by, when (docs/semantics.md, "Calendar versions").</summary>
public static class CalendarVersions
{
    /// <summary>
    /// The calendar one case uses. Versions apply in number order, each from its effective instant on, replacing
    /// whatever an earlier-numbered version scheduled from there; the first also covers all time before it. Only
    /// versions recorded by <paramref name="knownAt"/> count (null: all), so a case as of a past instant is what it
    /// showed then; the first version always counts. A version recorded after its effective instant (allowPast)
    /// reaches back to that instant only for a case open when it was recorded (<paramref name="openAt"/>); any other
    /// case follows it from its recording on, so a closed case's past never changes.
    /// </summary>
    public static BusinessCalendar Compose(IReadOnlyList<CalendarVersion> versions, Instant? knownAt, Func<Instant, bool> openAt)
    {
        ArgumentNullException.ThrowIfNull(versions);
        ArgumentNullException.ThrowIfNull(openAt);
        if (versions.Count == 0)
        {
            throw new ArgumentException("A calendar has at least one version.", nameof(versions));
        }
        var ordered = versions.OrderBy(v => v.Version).ToList();
        // The first version covers all time before the others, its own effective instant included: backdated
        // events and backdated versions both need hours before it.
        var segments = new List<(Instant From, BusinessCalendar Calendar)> { (InstantRange.Start, ordered[0].Calendar) };
        foreach (var v in ordered.Skip(1))
        {
            if (knownAt is { } known && v.RecordedAt > known)
            {
                continue;
            }
            var from = v.EffectiveFrom >= v.RecordedAt || openAt(v.RecordedAt) ? v.EffectiveFrom : v.RecordedAt;
            segments.RemoveAll(s => s.From >= from);
            segments.Add((from, v.Calendar));
        }
        return segments.Count == 1 ? segments[0].Calendar : new VersionedCalendar(segments);
    }

    /// <summary>Whether versions recorded after <paramref name="knownAt"/> exist, so a case as of then needs its own calendars.</summary>
    public static bool AnyRecordedAfter(IReadOnlyList<CalendarVersion> versions, Instant knownAt)
    {
        ArgumentNullException.ThrowIfNull(versions);
        return versions.OrderBy(v => v.Version).Skip(1).Any(v => v.RecordedAt > knownAt);
    }
}
