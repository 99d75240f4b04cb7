using NodaTime;
using SlaGrains.Domain.Calendars;

namespace SlaGrains.Contracts.Calendars;

/// <summary>One stored version of a calendar: its number, hours, when it takes effect and when it was recorded.</summary>
[GenerateSerializer, Immutable, Alias("sla.calendar-version")]
public sealed record CalendarVersionRecord(
    [property: Id(0)] int Version,
    [property: Id(1)] CalendarDefinition Definition,
    [property: Id(2)] Instant EffectiveFrom,
    [property: Id(3)] Instant RecordedAt);
