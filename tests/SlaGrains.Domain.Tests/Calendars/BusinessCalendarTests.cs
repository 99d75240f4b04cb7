using NodaTime;
using SlaGrains.Domain.Calendars;
using SlaGrains.Domain.Validation;
using static SlaGrains.Domain.Tests.Cases.Scenario;

namespace SlaGrains.Domain.Tests.Calendars;

public sealed class BusinessCalendarTests
{
    private static readonly BusinessCalendar UsEast = BusinessCalendar.FromDefinition(UsEastHours());

    [Fact]
    public void A_budget_used_up_exactly_at_closing_lands_on_the_next_opening()
    {
        Assert.Equal(At("2025-03-04T09:00:00-05:00"), UsEast.Add(At("2025-03-03T16:00:00-05:00"), Duration.FromHours(1)));
    }

    [Fact]
    public void Adding_nothing_rolls_a_closed_instant_forward_and_keeps_an_open_one()
    {
        Assert.Equal(At("2025-03-10T09:00:00-04:00"), UsEast.Add(At("2025-03-08T12:00:00-05:00"), Duration.Zero));
        Assert.Equal(At("2025-03-03T10:00:00-05:00"), UsEast.Add(At("2025-03-03T10:00:00-05:00"), Duration.Zero));
    }

    [Fact]
    public void Closing_instants_are_not_open_and_opening_instants_are()
    {
        Assert.False(UsEast.IsOpen(At("2025-03-03T17:00:00-05:00")));
        Assert.True(UsEast.IsOpen(At("2025-03-03T09:00:00-05:00")));
        Assert.True(UsEast.IsOpen(At("2025-03-03T16:59:59-05:00")));
    }

    [Fact]
    public void Arithmetic_is_exact_to_the_second()
    {
        Assert.Equal(At("2025-03-03T09:00:01-05:00"), UsEast.Add(At("2025-03-03T08:00:00-05:00"), Duration.FromSeconds(1)));
        Assert.Equal(Duration.FromSeconds(1), UsEast.Elapsed(At("2025-03-03T16:59:59-05:00"), At("2025-03-03T18:00:00-05:00")));
    }

    [Fact]
    public void Touching_intervals_across_midnight_join_into_one_open_run()
    {
        var night = BusinessCalendar.FromDefinition(new CalendarDefinition
        {
            TimeZone = "Etc/UTC",
            Weekly = new WeeklySchedule { Monday = [new("17:00", "24:00")], Tuesday = [new("00:00", "06:00")] },
        });

        Assert.Equal(At("2025-03-04T06:00:00Z"), night.NextTransition(At("2025-03-03T23:00:00Z")));
        Assert.Equal(At("2025-03-04T02:00:00Z"), night.Add(At("2025-03-03T22:00:00Z"), Duration.FromHours(4)));
    }

    [Fact]
    public void A_whole_day_holiday_closes_the_date_and_a_partial_one_only_its_intervals()
    {
        var calendar = BusinessCalendar.FromDefinition(UsEastHours() with
        {
            Holidays =
            [
                new Holiday { Date = "2025-12-25", Name = "Christmas Day", Recurring = true },
                new Holiday { Date = "2025-11-28", Name = "Short Friday", Closed = [new("12:00", "17:00")] },
            ],
        });

        Assert.Equal(Duration.Zero, calendar.Elapsed(At("2025-12-25T00:00:00-05:00"), At("2025-12-26T00:00:00-05:00")));
        Assert.Equal(Duration.Zero, calendar.Elapsed(At("2031-12-25T00:00:00-05:00"), At("2031-12-26T00:00:00-05:00"))); // recurring
        Assert.Equal(Duration.FromHours(8), calendar.Elapsed(At("2026-11-27T00:00:00-05:00"), At("2026-11-28T00:00:00-05:00"))); // a dated holiday closes only its year
        Assert.Equal(Duration.FromHours(3), calendar.Elapsed(At("2025-11-28T00:00:00-05:00"), At("2025-11-29T00:00:00-05:00")));
        Assert.Equal(At("2025-12-01T10:00:00-05:00"), calendar.Add(At("2025-11-28T11:00:00-05:00"), Duration.FromHours(2)));
    }

    [Fact]
    public void A_24x7_day_lasts_23_or_25_hours_on_dst_change_days()
    {
        var calendar = BusinessCalendar.FromDefinition(new CalendarDefinition
        {
            TimeZone = "Europe/Berlin",
            Weekly = new WeeklySchedule { Sunday = [new("00:00", "24:00")], Monday = [new("09:00", "17:00")] },
        });

        Assert.Equal(Duration.FromHours(23), calendar.Elapsed(At("2025-03-30T00:00:00+01:00"), At("2025-03-31T00:00:00+02:00")));
        Assert.Equal(Duration.FromHours(25), calendar.Elapsed(At("2025-10-26T00:00:00+02:00"), At("2025-10-27T00:00:00+01:00")));
    }

    [Fact]
    public void Skipped_local_times_do_not_exist_and_a_fall_back_boundary_takes_the_earlier_instant()
    {
        var calendar = BusinessCalendar.FromDefinition(new CalendarDefinition
        {
            TimeZone = "America/New_York",
            Weekly = new WeeklySchedule { Sunday = [new("01:00", "04:00")] },
        });

        // 2025-03-09: 02:00–03:00 does not exist, so the window has two hours.
        Assert.Equal(Duration.FromHours(2), calendar.Elapsed(At("2025-03-09T00:00:00-05:00"), At("2025-03-09T12:00:00-04:00")));
        // 2025-11-02: 01:00 happens twice; the window opens at the first and lasts four hours.
        Assert.Equal(Duration.FromHours(4), calendar.Elapsed(At("2025-11-02T00:00:00-04:00"), At("2025-11-02T12:00:00-05:00")));
        Assert.True(calendar.IsOpen(At("2025-11-02T01:00:00-04:00")));
    }

    [Fact]
    public void Next_transition_names_the_next_opening_or_closing_and_is_null_for_24x7()
    {
        Assert.Equal(At("2025-03-03T17:00:00-05:00"), UsEast.NextTransition(At("2025-03-03T10:00:00-05:00")));
        Assert.Equal(At("2025-03-10T09:00:00-04:00"), UsEast.NextTransition(At("2025-03-07T17:00:00-05:00")));
        Assert.Null(BusinessCalendar.AlwaysOpen.NextTransition(At("2025-03-03T10:00:00Z")));
    }

    [Fact]
    public void Pauses_stop_the_clock_on_top_of_the_calendar_and_an_open_pause_holds_it_for_good()
    {
        var pauses = new[] { new PauseInterval(At("2025-03-03T10:00:00-05:00"), At("2025-03-03T11:00:00-05:00")) };

        Assert.Equal(At("2025-03-03T12:00:00-05:00"), UsEast.Add(At("2025-03-03T09:00:00-05:00"), Duration.FromHours(2), pauses));
        Assert.Equal(Duration.FromHours(2), UsEast.Elapsed(At("2025-03-03T09:00:00-05:00"), At("2025-03-03T12:00:00-05:00"), pauses));
        Assert.Null(UsEast.Add(At("2025-03-03T09:00:00-05:00"), Duration.FromHours(2), [new PauseInterval(At("2025-03-03T10:00:00-05:00"), null)]));
    }

    [Fact]
    public void Arithmetic_spans_many_years_of_blocks()
    {
        var sundays = BusinessCalendar.FromDefinition(new CalendarDefinition
        {
            TimeZone = "Europe/Paris",
            Weekly = new WeeklySchedule { Sunday = [new("08:00", "21:00")] },
        });

        Assert.Equal(Duration.FromHours(12896), sundays.Elapsed(At("2002-10-27T07:00:00+01:00"), At("2021-10-30T02:00:00+02:00")));
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons", "timeZone")]
    [InlineData("", "timeZone")]
    public void An_unknown_time_zone_is_named(string zone, string field)
    {
        var errors = CalendarValidator.Validate(UsEastHours() with { TimeZone = zone }).ToDictionary();

        Assert.Contains("IANA", Assert.Single(errors[field]), StringComparison.Ordinal);
    }

    [Fact]
    public void Overlapping_empty_and_malformed_intervals_are_each_named_by_field()
    {
        var definition = UsEastHours() with
        {
            Weekly = new WeeklySchedule
            {
                Monday = [new("09:00", "12:00"), new("11:00", "17:00")],
                Tuesday = [new("17:00", "09:00")],
                Wednesday = [new("9am", "17:00")],
                Thursday = [new("09:00", "24:30")],
                Friday = [new("24:00", "24:00")],
            },
            Holidays = [new Holiday { Date = "2025-02-30" }],
        };

        var errors = CalendarValidator.Validate(definition).ToDictionary();

        Assert.Contains("overlaps 09:00–12:00", errors["weekly.monday[1]"][0], StringComparison.Ordinal);
        Assert.Contains("empty", errors["weekly.tuesday[0]"][0], StringComparison.Ordinal);
        Assert.Contains("'9am' is not a time of day", errors["weekly.wednesday[0].start"][0], StringComparison.Ordinal);
        Assert.True(errors.ContainsKey("weekly.thursday[0].end"));
        Assert.True(errors.ContainsKey("weekly.friday[0].start"));
        Assert.Contains("YYYY-MM-DD", errors["holidays[0].date"][0], StringComparison.Ordinal);
        Assert.Throws<DomainValidationException>(() => BusinessCalendar.FromDefinition(definition));
    }

    [Fact]
    public void A_calendar_that_never_opens_or_mixes_24x7_with_hours_is_refused()
    {
        Assert.True(CalendarValidator.Validate(new CalendarDefinition { TimeZone = "Etc/UTC", Weekly = new WeeklySchedule() }).ToDictionary().ContainsKey("weekly"));
        Assert.True(CalendarValidator.Validate(UsEastHours() with { AlwaysOpen = true }).ToDictionary().ContainsKey("weekly"));
        Assert.True(CalendarValidator.Validate(new CalendarDefinition { TimeZone = "Etc/UTC" }).ToDictionary().ContainsKey("weekly"));
        Assert.True(CalendarValidator.Validate(new CalendarDefinition { TimeZone = "Etc/UTC", AlwaysOpen = true }).IsValid);
    }

    [Fact]
    public void Adding_a_negative_duration_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => UsEast.Add(At("2025-03-03T10:00:00-05:00"), Duration.FromSeconds(-1)));
    }
}
