namespace SlaGrains.Domain.Calendars;

/// <summary>
/// A closed local date. Without <see cref="Closed"/> the whole day is closed; with it, only those intervals are.
/// <see cref="Recurring"/> repeats on the same month and day every year (a recurring 29 February closes leap years only).
/// </summary>
public sealed record Holiday
{
    public required string Date { get; init; }
    public string? Name { get; init; }
    public bool Recurring { get; init; }
    public IReadOnlyList<LocalTimeRange>? Closed { get; init; }
}
