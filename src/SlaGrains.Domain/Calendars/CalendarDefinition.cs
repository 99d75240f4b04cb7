using NodaTime;

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

    /// <summary>
    /// When a written version takes effect (now when absent). Kept beside the stored version, not in its hours, so
    /// stored definitions leave it null.
    /// </summary>
    public Instant? EffectiveFrom { get; init; }
}
