using SlaGrains.Domain.Calendars;

namespace SlaGrains.Contracts.Calendars;

/// <summary>One business-hours calendar, keyed by its id.</summary>
[Alias("sla.calendar")]
public interface ICalendarGrain : IGrainWithStringKey
{
    /// <summary>Validates and stores the definition; the same definition again changes nothing.</summary>
    [Alias("put")]
    Task<WriteResult<CalendarRecord>> Put(CalendarDefinition definition);

    [Alias("read")]
    Task<CalendarRecord?> Read();

    /// <summary>Deletes the calendar unless a process version or an entitlement names it.</summary>
    [Alias("delete")]
    Task<DeleteResult> Delete();
}
