using SlaGrains.Contracts.Calendars;
using SlaGrains.Contracts.Processes;
using SlaGrains.Domain.Calendars;
using SlaGrains.Domain.Processes;

namespace SlaGrains.Grains.Tests;

[Collection(ClusterTests.Name)]
public sealed class DefinitionGrainTests(ClusterFixture fixture)
{
    private static CalendarDefinition UsEast() => new()
    {
        Name = "US East support hours",
        TimeZone = "America/New_York",
        Weekly = new WeeklySchedule { Monday = [new("09:00", "17:00")], Tuesday = [new("09:00", "12:00"), new("13:00", "17:00")] },
        Holidays = [new Holiday { Date = "2025-12-25", Name = "Christmas Day", Recurring = true }],
    };

    private static ProcessDefinition Platinum(string calendarId, int minutes = 60) => new()
    {
        Name = "Platinum Support",
        CalendarId = calendarId,
        Milestones = [new MilestoneDefinition { Name = "First Response", Minutes = minutes, CompletedBy = ["agentReplied"] }],
    };

    [Fact]
    public async Task A_calendar_round_trips_through_the_grain_and_an_identical_put_changes_nothing()
    {
        var grain = fixture.Client.GetGrain<ICalendarGrain>($"cal-{Guid.NewGuid():N}");

        var first = await grain.Put(UsEast(), allowPast: false);
        var again = await grain.Put(UsEast(), allowPast: false);
        var read = await grain.Read();

        Assert.True(first.Succeeded);
        Assert.False(first.Unchanged);
        Assert.True(again.Unchanged);
        Assert.Equal(first.Value!.UpdatedAt, again.Value!.UpdatedAt);
        Assert.Equal("America/New_York", read!.Definition.TimeZone);
        Assert.Equal("13:00", read.Definition.Weekly!.Tuesday![1].Start);
        Assert.True(read.Definition.Holidays![0].Recurring);
    }

    [Fact]
    public async Task A_changed_calendar_gets_a_later_updated_at_even_when_the_clock_has_not_moved()
    {
        // updatedAt names the version that compiled calendars are shared and cached by: two versions must never share one.
        var grain = fixture.Client.GetGrain<ICalendarGrain>($"cal-{Guid.NewGuid():N}");

        var first = await grain.Put(UsEast(), allowPast: false);
        var changed = await grain.Put(UsEast() with { Holidays = [] }, allowPast: false); // the test clock stands still between the two

        Assert.True(changed.Value!.UpdatedAt > first.Value!.UpdatedAt);
    }

    [Fact]
    public async Task An_invalid_calendar_is_refused_with_field_errors_and_nothing_is_stored()
    {
        var grain = fixture.Client.GetGrain<ICalendarGrain>($"cal-{Guid.NewGuid():N}");

        var result = await grain.Put(UsEast() with { TimeZone = "Nowhere/Special" }, allowPast: false);

        Assert.False(result.Succeeded);
        Assert.Contains("timeZone", result.Errors!.Keys);
        Assert.Null(await grain.Read());
    }

    [Fact]
    public async Task A_changed_process_gets_a_new_version_and_old_versions_stay_readable()
    {
        var calendarId = $"cal-{Guid.NewGuid():N}";
        await fixture.Client.GetGrain<ICalendarGrain>(calendarId).Put(UsEast(), allowPast: false);
        var process = fixture.Client.GetGrain<IProcessGrain>($"proc-{Guid.NewGuid():N}");

        var v1 = await process.Put(Platinum(calendarId));
        var same = await process.Put(Platinum(calendarId));
        var v2 = await process.Put(Platinum(calendarId, minutes: 30));

        Assert.Equal(1, v1.Value!.Version);
        Assert.True(same.Unchanged);
        Assert.Equal(1, same.Value!.Version);
        Assert.Equal(2, v2.Value!.Version);
        Assert.Equal(30, (await process.GetLatest())!.Definition.Milestones[0].Minutes);
        Assert.Equal(60, (await process.GetVersion(1))!.Definition.Milestones[0].Minutes);
        Assert.Null(await process.GetVersion(3));
    }

    [Fact]
    public async Task A_process_naming_an_unknown_calendar_is_refused()
    {
        var process = fixture.Client.GetGrain<IProcessGrain>($"proc-{Guid.NewGuid():N}");

        var result = await process.Put(Platinum("no-such-calendar"));

        Assert.False(result.Succeeded);
        Assert.Contains("no calendar 'no-such-calendar'", result.Errors!["calendarId"][0], StringComparison.Ordinal);
        Assert.Null(await process.GetLatest());
    }
}
