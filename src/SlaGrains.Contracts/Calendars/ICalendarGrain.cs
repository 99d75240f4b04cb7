using SlaGrains.Domain.Calendars;

namespace SlaGrains.Contracts.Calendars;

/// <summary>One business-hours calendar, keyed by its id, with its versions.</summary>
[Alias("sla.calendar")]
public interface ICalendarGrain : IGrainWithStringKey
{
    /// <summary>
    /// Validates and stores the definition as a new version effective from its <c>effectiveFrom</c> (now when
    /// absent; before now only with <paramref name="allowPast"/>); the same hours and effective instant as the latest
    /// version change nothing.
    /// </summary>
    [Alias("put")]
    Task<WriteResult<CalendarRecord>> Put(CalendarDefinition definition, bool allowPast);

    [Alias("read")]
    Task<CalendarRecord?> Read();

    /// <summary>Deletes the calendar unless a process version or an entitlement names it.</summary>
    [Alias("delete")]
    Task<DeleteResult> Delete();
}
