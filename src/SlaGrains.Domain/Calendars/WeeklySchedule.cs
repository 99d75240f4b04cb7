namespace SlaGrains.Domain.Calendars;

/// <summary>Open intervals per weekday in the calendar's zone. A missing weekday is closed.</summary>
public sealed record WeeklySchedule
{
    public IReadOnlyList<LocalTimeRange>? Monday { get; init; }
    public IReadOnlyList<LocalTimeRange>? Tuesday { get; init; }
    public IReadOnlyList<LocalTimeRange>? Wednesday { get; init; }
    public IReadOnlyList<LocalTimeRange>? Thursday { get; init; }
    public IReadOnlyList<LocalTimeRange>? Friday { get; init; }
    public IReadOnlyList<LocalTimeRange>? Saturday { get; init; }
    public IReadOnlyList<LocalTimeRange>? Sunday { get; init; }

    /// <summary>The days in ISO order (Monday first) with their JSON names, for validation and compilation.</summary>
    public IEnumerable<(NodaTime.IsoDayOfWeek Day, string Field, IReadOnlyList<LocalTimeRange> Ranges)> Days()
    {
        yield return (NodaTime.IsoDayOfWeek.Monday, "monday", Monday ?? []);
        yield return (NodaTime.IsoDayOfWeek.Tuesday, "tuesday", Tuesday ?? []);
        yield return (NodaTime.IsoDayOfWeek.Wednesday, "wednesday", Wednesday ?? []);
        yield return (NodaTime.IsoDayOfWeek.Thursday, "thursday", Thursday ?? []);
        yield return (NodaTime.IsoDayOfWeek.Friday, "friday", Friday ?? []);
        yield return (NodaTime.IsoDayOfWeek.Saturday, "saturday", Saturday ?? []);
        yield return (NodaTime.IsoDayOfWeek.Sunday, "sunday", Sunday ?? []);
    }
}
