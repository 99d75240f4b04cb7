using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using SlaGrains.Domain.Calendars;

namespace SlaGrains.Tests.Shared;

/// <summary>
/// One worked case of shared/brief/examples/business-time.json (copied into TestData so a plain clone runs them).
/// The file's convention: <c>minutes</c> to add, <c>expected</c> elapsed in minutes, optional clock pauses.
/// Shared by the engine's tests and the API's, which drive the same cases through the calendar helper endpoints.
/// </summary>
internal sealed record BusinessTimeExample(JsonElement Json)
{
    private static readonly OffsetDateTimePattern Timestamp = OffsetDateTimePattern.ExtendedIso;

    public string Source => Json.GetProperty("source").GetString()!;
    public string Op => Json.GetProperty("op").GetString()!;
    public Instant Start => Parse(Json.GetProperty("start").GetString()!);
    public Instant End => Parse(Json.GetProperty("end").GetString()!);
    public double Minutes => Json.GetProperty("minutes").GetDouble();
    public Instant ExpectedInstant => Parse(Json.GetProperty("expected").GetString()!);
    public double ExpectedMinutes => Json.GetProperty("expected").GetDouble();
    public bool HasPauses => Json.TryGetProperty("pauses", out _);

    public static IReadOnlyList<BusinessTimeExample> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "business-time.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return [.. document.RootElement.EnumerateArray().Select(e => new BusinessTimeExample(e.Clone()))];
    }

    public static Instant Parse(string text) => Timestamp.Parse(text).GetValueOrThrow().ToInstant();

    public IReadOnlyList<PauseInterval> Pauses() =>
        Json.TryGetProperty("pauses", out var pauses)
            ? [.. pauses.EnumerateArray()
                .Select(p => new PauseInterval(Parse(p[0].GetString()!), Parse(p[1].GetString()!)))
                .OrderBy(p => p.Start)]
            : [];

    /// <summary>The example's calendar in our definition shape (the file uses a compact week/holiday form).</summary>
    public CalendarDefinition Calendar()
    {
        var calendar = Json.GetProperty("calendar");
        var week = calendar.GetProperty("week");
        IReadOnlyList<LocalTimeRange> Day(string name) =>
            week.TryGetProperty(name, out var day)
                ? [.. day.EnumerateArray().Select(r => new LocalTimeRange(r[0].GetString()!, r[1].GetString()!))]
                : [];
        return new CalendarDefinition
        {
            Name = Source,
            TimeZone = calendar.GetProperty("timeZone").GetString()!,
            Weekly = new WeeklySchedule
            {
                Monday = Day("mon"), Tuesday = Day("tue"), Wednesday = Day("wed"), Thursday = Day("thu"),
                Friday = Day("fri"), Saturday = Day("sat"), Sunday = Day("sun"),
            },
            Holidays = [.. calendar.GetProperty("holidays").EnumerateArray().Select(h => new Holiday { Date = h.GetString()! })],
        };
    }
}
