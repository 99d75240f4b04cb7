using SlaGrains.Contracts.Calendars;

namespace SlaGrains.Grains.Calendars;

[GenerateSerializer, Alias("sla.calendar-state")]
public sealed class CalendarState
{
    [Id(0)] public CalendarRecord? Calendar { get; set; }
}
