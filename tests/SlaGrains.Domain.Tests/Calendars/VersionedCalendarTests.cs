using NodaTime;
using SlaGrains.Domain.Calendars;
using static SlaGrains.Domain.Tests.Cases.Scenario;

namespace SlaGrains.Domain.Tests.Calendars;

public sealed class VersionedCalendarTests
{
    private static readonly BusinessCalendar NineToFive = BusinessCalendar.FromDefinition(UsEastHours());

    private static readonly BusinessCalendar Mornings = BusinessCalendar.FromDefinition(UsEastHours() with
    {
        Weekly = new WeeklySchedule
        {
            Monday = [new("09:00", "13:00")], Tuesday = [new("09:00", "13:00")], Wednesday = [new("09:00", "13:00")],
            Thursday = [new("09:00", "13:00")], Friday = [new("09:00", "13:00")],
        },
    });

    private static readonly BusinessCalendar EveryDay = BusinessCalendar.FromDefinition(UsEastHours() with
    {
        Weekly = new WeeklySchedule
        {
            Monday = [new("09:00", "17:00")], Tuesday = [new("09:00", "17:00")], Wednesday = [new("09:00", "17:00")],
            Thursday = [new("09:00", "17:00")], Friday = [new("09:00", "17:00")], Saturday = [new("09:00", "17:00")],
            Sunday = [new("09:00", "17:00")],
        },
    });

    private static VersionedCalendar Switching(BusinessCalendar before, string at, BusinessCalendar after) =>
        new([(InstantRange.Start, before), (At(at), after)]);

    [Fact]
    public void A_budget_across_a_switch_spends_the_old_hours_up_to_it_and_the_new_hours_after()
    {
        var calendar = Switching(NineToFive, "2025-03-05T00:00:00-05:00", Mornings);

        // Monday and Tuesday give 16 of the 24 hours at 8 a day; Wednesday and Thursday the other 8 at 4 a day.
        Assert.Equal(At("2025-03-07T09:00:00-05:00"), calendar.Add(At("2025-03-03T09:00:00-05:00"), Duration.FromHours(24)));
        Assert.Equal(At("2025-03-06T09:00:00-05:00"), NineToFive.Add(At("2025-03-03T09:00:00-05:00"), Duration.FromHours(24)));
        Assert.Equal(Duration.FromHours(24), calendar.Elapsed(At("2025-03-03T09:00:00-05:00"), At("2025-03-07T09:00:00-05:00")));
        Assert.Equal(Duration.FromHours(-24), calendar.Elapsed(At("2025-03-07T09:00:00-05:00"), At("2025-03-03T09:00:00-05:00")));
    }

    [Fact]
    public void A_span_within_one_version_counts_that_version_only()
    {
        var calendar = Switching(NineToFive, "2025-03-05T00:00:00-05:00", Mornings);

        Assert.Equal(At("2025-03-04T12:00:00-05:00"), calendar.Add(At("2025-03-03T12:00:00-05:00"), Duration.FromHours(8)));
        Assert.Equal(At("2025-03-06T11:00:00-05:00"), calendar.Add(At("2025-03-05T12:00:00-05:00"), Duration.FromHours(3)));
    }

    [Fact]
    public void A_switch_across_a_DST_change_counts_local_hours_of_each_version()
    {
        // Weekends open from Saturday 00:00 EST; clocks go forward on Sunday 2025-03-09 at 02:00.
        var calendar = Switching(NineToFive, "2025-03-08T00:00:00-05:00", EveryDay);

        // Friday 16–17 EST (1 h), Saturday 9–17 EST (8 h), Sunday 9–10 EDT (1 h).
        Assert.Equal(At("2025-03-09T10:00:00-04:00"), calendar.Add(At("2025-03-07T16:00:00-05:00"), Duration.FromHours(10)));
        Assert.Equal(Duration.FromHours(10), calendar.Elapsed(At("2025-03-07T16:00:00-05:00"), At("2025-03-09T10:00:00-04:00")));
        Assert.True(calendar.IsOpen(At("2025-03-09T09:00:00-04:00")));
        Assert.False(NineToFive.IsOpen(At("2025-03-09T09:00:00-04:00")));
    }

    [Fact]
    public void Used_up_exactly_before_a_switch_lands_on_the_next_opening_of_the_new_version()
    {
        // The old hours close at 17:00 Tuesday; the new version opens every day, from Saturday.
        var calendar = Switching(Mornings, "2025-03-05T00:00:00-05:00", NineToFive);

        Assert.Equal(At("2025-03-05T09:00:00-05:00"), calendar.Add(At("2025-03-03T09:00:00-05:00"), Duration.FromHours(8)));
        Assert.Equal(At("2025-03-05T09:00:00-05:00"), calendar.Add(At("2025-03-04T20:00:00-05:00"), Duration.Zero));
        Assert.Equal(At("2025-03-04T09:00:00-05:00"), calendar.Add(At("2025-03-03T20:00:00-05:00"), Duration.Zero));
    }

    [Fact]
    public void A_switch_is_a_transition_only_when_the_open_state_changes_there()
    {
        var closesAtTheSwitch = Switching(NineToFive, "2025-03-05T15:00:00-05:00", Mornings);
        var staysOpenAcrossIt = Switching(NineToFive, "2025-03-05T12:00:00-05:00", Mornings);

        Assert.Equal(At("2025-03-05T15:00:00-05:00"), closesAtTheSwitch.NextTransition(At("2025-03-05T10:00:00-05:00")));
        Assert.Equal(At("2025-03-05T13:00:00-05:00"), staysOpenAcrossIt.NextTransition(At("2025-03-05T10:00:00-05:00")));
        Assert.False(closesAtTheSwitch.IsOpen(At("2025-03-05T15:00:00-05:00")));
        Assert.True(closesAtTheSwitch.IsOpen(At("2025-03-05T14:59:59-05:00")));
    }

    [Fact]
    public void Pauses_are_counted_by_the_version_in_force_during_them()
    {
        var calendar = Switching(NineToFive, "2025-03-05T00:00:00-05:00", Mornings);
        PauseInterval[] pauses = [new(At("2025-03-04T09:00:00-05:00"), At("2025-03-05T09:00:00-05:00"))];

        // Tuesday is paused: Monday 8 h, then 4 h a day from Wednesday.
        Assert.Equal(At("2025-03-06T12:00:00-05:00"), calendar.Add(At("2025-03-03T09:00:00-05:00"), Duration.FromHours(15), pauses));
        Assert.Equal(Duration.FromHours(8), calendar.PausedOpenTime(At("2025-03-03T09:00:00-05:00"), At("2025-03-06T13:00:00-05:00"), pauses));
    }
}
