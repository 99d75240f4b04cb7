using SlaGrains.Domain.Processes;

namespace SlaGrains.Domain.Cases;

/// <summary>The calendars a case counts by under some process versions: each milestone's, each version's own, and its entitlement's.</summary>
public static class CaseCalendarIds
{
    public static IReadOnlyList<string> Of(IEnumerable<ProcessVersion> versions, string? entitlementCalendarId)
    {
        ArgumentNullException.ThrowIfNull(versions);
        return [.. versions.SelectMany(v => v.Definition.Milestones.Select(m => m.CalendarId).Append(v.Definition.CalendarId))
            .Append(entitlementCalendarId).OfType<string>().Distinct(StringComparer.Ordinal)];
    }
}
