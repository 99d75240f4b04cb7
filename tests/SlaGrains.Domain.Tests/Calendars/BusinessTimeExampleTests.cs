using System.Globalization;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using SlaGrains.Domain.Calendars;

namespace SlaGrains.Domain.Tests.Calendars;

/// <summary>
/// Every worked case of shared/brief/examples/business-time.json (copied into TestData so a plain clone runs them).
/// The file's convention: <c>minutes</c> to add, <c>expected</c> elapsed in minutes, optional clock pauses.
/// </summary>
public sealed class BusinessTimeExampleTests
{
    private static readonly OffsetDateTimePattern Timestamp = OffsetDateTimePattern.ExtendedIso;

    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        var cases = Load();
        for (var i = 0; i < cases.Count; i++)
        {
            data.Add(cases[i].GetProperty("source").GetString()!, i);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Public_example_holds(string source, int index)
    {
        var example = Load()[index];
        var calendar = BusinessCalendar.FromDefinition(ToDefinition(example.GetProperty("calendar")));
        var start = Parse(example.GetProperty("start").GetString()!);
        var pauses = ReadPauses(example);

        switch (example.GetProperty("op").GetString())
        {
            case "add":
                var minutes = example.GetProperty("minutes").GetDouble();
                var expected = Parse(example.GetProperty("expected").GetString()!);
                var result = calendar.Add(start, Duration.FromSeconds(minutes * 60), pauses);
                Assert.True(expected == result, $"{source}: add {minutes} min to {start} gave {result}, expected {expected}");
                break;
            case "elapsed":
                var end = Parse(example.GetProperty("end").GetString()!);
                var expectedSeconds = example.GetProperty("expected").GetDouble() * 60;
                var elapsed = end >= start ? calendar.Elapsed(start, end, pauses) : calendar.Elapsed(start, end);
                Assert.True(expectedSeconds == elapsed.TotalSeconds,
                    $"{source}: elapsed {start}..{end} gave {elapsed.TotalSeconds} s, expected {expectedSeconds} s");
                break;
            default:
                Assert.Fail($"unknown op in {source}");
                break;
        }
    }

    [Fact]
    public void The_example_file_is_the_full_public_set()
    {
        Assert.Equal(154, Load().Count);
    }

    private static List<JsonElement> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "business-time.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return [.. document.RootElement.EnumerateArray().Select(e => e.Clone())];
    }

    private static Instant Parse(string text) => Timestamp.Parse(text).GetValueOrThrow().ToInstant();

    private static List<PauseInterval> ReadPauses(JsonElement example) =>
        example.TryGetProperty("pauses", out var pauses)
            ? [.. pauses.EnumerateArray()
                .Select(p => new PauseInterval(Parse(p[0].GetString()!), Parse(p[1].GetString()!)))
                .OrderBy(p => p.Start)]
            : [];

    private static CalendarDefinition ToDefinition(JsonElement calendar)
    {
        var week = calendar.GetProperty("week");
        IReadOnlyList<LocalTimeRange> Day(string name) =>
            week.TryGetProperty(name, out var day)
                ? [.. day.EnumerateArray().Select(r => new LocalTimeRange(r[0].GetString()!, r[1].GetString()!))]
                : [];
        return new CalendarDefinition
        {
            TimeZone = calendar.GetProperty("timeZone").GetString()!,
            Weekly = new WeeklySchedule
            {
                Monday = Day("mon"), Tuesday = Day("tue"), Wednesday = Day("wed"), Thursday = Day("thu"),
                Friday = Day("fri"), Saturday = Day("sat"), Sunday = Day("sun"),
            },
            Holidays = [.. calendar.GetProperty("holidays").EnumerateArray()
                .Select(h => new Holiday { Date = h.GetString()! })],
        };
    }
}
