namespace SlaGrains.Domain.Calendars;

/// <summary>
/// Business hours as an administrator writes them (docs/api.md, "Calendars"). Validate with <see cref="CalendarValidator"/>
/// and compile into a <see cref="BusinessCalendar"/> for arithmetic.
/// </summary>
public sealed record CalendarDefinition
{
    public string Name { get; init; } = "";
    public required string TimeZone { get; init; }
    public bool AlwaysOpen { get; init; }
    public WeeklySchedule? Weekly { get; init; }
    public IReadOnlyList<Holiday>? Holidays { get; init; }
}
