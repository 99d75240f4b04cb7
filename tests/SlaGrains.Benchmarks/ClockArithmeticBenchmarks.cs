using BenchmarkDotNet.Attributes;
using NodaTime;
using SlaGrains.Domain.Calendars;

namespace SlaGrains.Benchmarks;

/// <summary>docs/benchmarks.md, "Clock arithmetic (engine)": add ≤ 1 µs, elapsed ≤ 2 µs, both without allocating.</summary>
[MemoryDiagnoser]
public class ClockArithmeticBenchmarks
{
    private BusinessCalendar _calendar = null!;
    private Instant _thursdayAfternoon;
    private Instant _monthStart;
    private Instant _monthEnd;

    [GlobalSetup]
    public void Setup()
    {
        _calendar = BusinessCalendar.FromDefinition(new CalendarDefinition
        {
            Name = "US East support hours",
            TimeZone = "America/New_York",
            Weekly = new WeeklySchedule
            {
                Monday = [new("09:00", "17:00")],
                Tuesday = [new("09:00", "12:00"), new("13:00", "17:00")],
                Wednesday = [new("09:00", "17:00")],
                Thursday = [new("09:00", "17:00")],
                Friday = [new("09:00", "17:00")],
            },
            Holidays =
            [
                new Holiday { Date = "2025-12-25", Name = "Christmas Day", Recurring = true },
                new Holiday { Date = "2025-12-26", Name = "Boxing Day" },
                new Holiday { Date = "2025-11-28", Name = "Short Friday", Closed = [new("12:00", "17:00")] },
            ],
        });
        _thursdayAfternoon = Instant.FromUtc(2025, 12, 18, 19, 30); // 14:30 local; 40 h crosses two weekends and both holidays
        _monthStart = Instant.FromUtc(2025, 11, 20, 15, 0);
        _monthEnd = _monthStart + Duration.FromDays(30);
        _calendar.Add(_thursdayAfternoon, Duration.FromHours(40)); // build the blocks outside the measurement
        _calendar.Elapsed(_monthStart, _monthEnd);
    }

    [Benchmark]
    public Instant? Add40BusinessHours() => _calendar.Add(_thursdayAfternoon, Duration.FromHours(40));

    [Benchmark]
    public Duration Elapsed30Days() => _calendar.Elapsed(_monthStart, _monthEnd);
}
