using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SlaGrains.Domain.Calendars;

namespace SlaGrains.Domain.Tests.Calendars;

/// <summary>A random calendar with random instants near DST changes and random durations, for the property tests.</summary>
public sealed record CalendarCase(CalendarDefinition Definition, Instant A, Instant B, Instant C, Duration D1, Duration D2)
{
    private BusinessCalendar? _calendar;

    public BusinessCalendar Calendar => _calendar ??= BusinessCalendar.FromDefinition(Definition);

    public override string ToString()
    {
        var weekly = string.Join(" ", Definition.Weekly!.Days().Select(d => $"{d.Field[..3]}=[{string.Join(",", d.Ranges.Select(r => $"{r.Start}-{r.End}"))}]"));
        var holidays = string.Join(",", (Definition.Holidays ?? []).Select(h => $"{h.Date}{(h.Recurring ? "(r)" : "")}{(h.Closed is null ? "" : $"[{h.Closed[0].Start}-{h.Closed[0].End}]")}"));
        return $"{Definition.TimeZone} {weekly} holidays=[{holidays}] a={A} b={B} c={C} d1={D1} d2={D2}";
    }
}

public static class CalendarArbitraries
{
    // Zones with DST in both hemispheres, a half-hour offset, a 45-minute offset, and UTC.
    private static readonly string[] Zones =
    [
        "Etc/UTC", "America/New_York", "Europe/Berlin", "Australia/Sydney", "Asia/Kolkata", "Pacific/Chatham",
        "America/Santiago", "Europe/London", "Australia/Lord_Howe",
    ];

    // DST change days of 2025 in those zones; instants are drawn around them.
    private static readonly Instant[] Anchors =
    [
        Instant.FromUtc(2025, 3, 9, 7, 0), Instant.FromUtc(2025, 11, 2, 6, 0), Instant.FromUtc(2025, 3, 30, 1, 0),
        Instant.FromUtc(2025, 10, 26, 1, 0), Instant.FromUtc(2025, 4, 5, 16, 0), Instant.FromUtc(2025, 10, 4, 16, 0),
        Instant.FromUtc(2025, 4, 5, 14, 0), Instant.FromUtc(2025, 9, 6, 4, 0), Instant.FromUtc(2025, 12, 24, 12, 0),
    ];

    public static Arbitrary<CalendarCase> CalendarCase() => Arb.From(
        from definition in Definition()
        from a in InstantNearAnchor()
        from b in InstantNearAnchor()
        from c in InstantNearAnchor()
        from d1 in Gen.Choose(0, 120 * 3600)
        from d2 in Gen.Choose(0, 120 * 3600)
        select new CalendarCase(definition, a, b, c, Duration.FromSeconds(d1), Duration.FromSeconds(d2)));

    private static Gen<Instant> InstantNearAnchor() =>
        from anchor in Gen.Elements(Anchors)
        from offset in Gen.Choose(-4 * 86400, 4 * 86400)
        select anchor + Duration.FromSeconds(offset);

    private static Gen<CalendarDefinition> Definition() =>
        from zone in Gen.Elements(Zones)
        from days in Day().ArrayOf(7)
        from holidays in HolidayGen().ListOf().Select(l => l.Take(4).ToList())
        select new CalendarDefinition
        {
            TimeZone = zone,
            Weekly = new WeeklySchedule
            {
                // Monday always has hours so the calendar is never empty.
                Monday = days[0].Count > 0 ? days[0] : [new LocalTimeRange("09:00", "17:00")],
                Tuesday = days[1], Wednesday = days[2], Thursday = days[3], Friday = days[4], Saturday = days[5], Sunday = days[6],
            },
            Holidays = holidays,
        };

    // Up to three intervals a day on a 15-minute grid that includes 24:00 and the DST-sensitive hours 01:00–04:00.
    private static Gen<IReadOnlyList<LocalTimeRange>> Day() =>
        from count in Gen.Frequency((2, Gen.Constant(0)), (5, Gen.Constant(1)), (2, Gen.Constant(2)), (1, Gen.Constant(3)))
        from marks in Gen.Choose(0, 96).ArrayOf(count * 2)
        select (IReadOnlyList<LocalTimeRange>)Ranges(marks);

    private static List<LocalTimeRange> Ranges(int[] marks)
    {
        var distinct = marks.Distinct().Order().ToArray();
        var ranges = new List<LocalTimeRange>();
        for (var i = 0; i + 1 < distinct.Length; i += 2)
        {
            ranges.Add(new LocalTimeRange(Format(distinct[i]), Format(distinct[i + 1])));
        }
        return ranges;
    }

    private static string Format(int quarter) => $"{quarter / 4:00}:{quarter % 4 * 15:00}";

    private static Gen<Holiday> HolidayGen() =>
        from dayOffset in Gen.Choose(-10, 10)
        from anchor in Gen.Elements(Anchors)
        from recurring in Gen.Elements(true, false)
        from partial in Gen.Elements(true, false)
        select new Holiday
        {
            Date = anchor.InUtc().Date.PlusDays(dayOffset).ToString("yyyy-MM-dd", null),
            Recurring = recurring,
            Closed = partial ? [new LocalTimeRange("12:00", "15:00")] : null,
        };
}
