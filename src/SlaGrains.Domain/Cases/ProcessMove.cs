using NodaTime;
using SlaGrains.Domain.Calendars;
using SlaGrains.Domain.Processes;

namespace SlaGrains.Domain.Cases;

/// <summary>
/// A case moved to another version of its process (docs/semantics.md, "Moving cases to a process version"): the
/// milestones of the new version replace the old ones from the move on. Ended instances stay as they ended. An open
/// instance of a milestone the new version also has (by key) carries on under the new definition: same start, pauses
/// and number, its time and calendar from the new version, its target recomputed from its start; a violation before
/// the move stays. An open instance of a milestone the new version lacks is canceled at the move. Milestones new in
/// the version start at the move when their criteria match, as on entering the process.
/// </summary>
internal static class ProcessMove
{
    public static List<MilestoneHistory> Tracks(IReadOnlyList<MilestoneHistory> old, ProcessVersion version, CaseTimelineInput input,
        CaseFields fields, Instant at)
    {
        var byKey = old.ToDictionary(h => h.Track.Key, StringComparer.Ordinal);
        var tracks = new List<MilestoneHistory>();
        var process = version.Definition;
        for (var i = 0; i < process.Milestones.Count; i++)
        {
            var milestone = process.Milestones[i];
            var calendarId = milestone.CalendarId ?? input.Entitlement?.CalendarId ?? process.CalendarId;
            var calendar = calendarId is not null && input.Calendars.TryGetValue(calendarId, out var c) ? c : BusinessCalendar.AlwaysOpen;
            var track = new MilestoneTrack(i, milestone, calendarId, calendar);
            tracks.Add(byKey.Remove(track.Key, out var previous) ? previous.MovedTo(track, track.TimeFor(fields.Priority)) : new MilestoneHistory(track));
        }
        foreach (var gone in old.Where(h => byKey.ContainsKey(h.Track.Key)))
        {
            if (gone.Open is not null)
            {
                gone.CancelOpen(at, fields);
            }
            tracks.Add(gone); // its ended instances are the case's history
        }
        return tracks;
    }
}
