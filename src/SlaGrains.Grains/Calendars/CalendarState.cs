using SlaGrains.Contracts.Calendars;

namespace SlaGrains.Grains.Calendars;

[GenerateSerializer, Alias("sla.calendar-state")]
public sealed class CalendarState
{
    /// <summary>Every version, oldest first; empty for a calendar never written or deleted. Cases count time by them.</summary>
    [Id(0)] public List<CalendarVersionRecord> Versions { get; set; } = [];
}
