using NodaTime;
using SlaGrains.Domain.Calendars;

namespace SlaGrains.Contracts.Calendars;

/// <summary>A stored calendar: its id, definition and when it last changed.</summary>
[GenerateSerializer, Immutable, Alias("sla.calendar-record")]
public sealed record CalendarRecord(
    [property: Id(0)] string CalendarId,
    [property: Id(1)] CalendarDefinition Definition,
    [property: Id(2)] Instant UpdatedAt);
