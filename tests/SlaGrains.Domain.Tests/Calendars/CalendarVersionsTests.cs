using NodaTime;
using SlaGrains.Domain.Calendars;
using static SlaGrains.Domain.Tests.Cases.Scenario;

namespace SlaGrains.Domain.Tests.Calendars;

public sealed class CalendarVersionsTests
{
    private static readonly BusinessCalendar First = BusinessCalendar.FromDefinition(UsEastHours());
    private static readonly BusinessCalendar Second = BusinessCalendar.AlwaysOpen;
    private static readonly BusinessCalendar Third = BusinessCalendar.FromDefinition(UsEastHours() with { TimeZone = "Europe/Berlin" });

    private static readonly CalendarVersion V1 = new(1, At("2025-01-01T00:00:00Z"), At("2025-01-01T00:00:00Z"), First);

    [Fact]
    public void One_version_is_that_calendar_itself()
    {
        Assert.Same(First, CalendarVersions.Compose([V1], null, _ => true));
    }

    [Fact]
    public void A_later_version_takes_over_at_its_effective_instant_once_it_is_recorded()
    {
        var v2 = new CalendarVersion(2, At("2025-03-10T00:00:00Z"), At("2025-03-01T00:00:00Z"), Second);

        var now = Assert.IsType<VersionedCalendar>(CalendarVersions.Compose([V1, v2], null, _ => true));
        Assert.Equal([At("2025-03-10T00:00:00Z")], now.Switches);
        // As of before it was recorded the case knew only the first version, even for instants after its effective one.
        Assert.Same(First, CalendarVersions.Compose([V1, v2], At("2025-02-28T00:00:00Z"), _ => true));
        Assert.True(CalendarVersions.AnyRecordedAfter([V1, v2], At("2025-02-28T00:00:00Z")));
        Assert.False(CalendarVersions.AnyRecordedAfter([V1, v2], At("2025-03-01T00:00:00Z")));
    }

    [Fact]
    public void The_first_version_counts_before_it_was_recorded()
    {
        Assert.Same(First, CalendarVersions.Compose([V1], At("2024-06-01T00:00:00Z"), _ => true));
        Assert.False(CalendarVersions.AnyRecordedAfter([V1], At("2024-06-01T00:00:00Z")));
    }

    [Fact]
    public void A_version_backdated_before_the_first_ones_effective_instant_takes_over_from_its_own()
    {
        var v1 = new CalendarVersion(1, At("2026-12-01T00:00:00Z"), At("2026-12-01T00:00:00Z"), First);
        var backdated = new CalendarVersion(2, At("2025-03-05T00:00:00Z"), At("2026-12-02T00:00:00Z"), Second);

        var calendar = Assert.IsType<VersionedCalendar>(CalendarVersions.Compose([v1, backdated], null, _ => true));

        Assert.Equal([At("2025-03-05T00:00:00Z")], calendar.Switches);
        Assert.False(calendar.IsOpen(At("2025-03-01T12:00:00Z"))); // a Saturday before it: the first version's hours
    }

    [Fact]
    public void A_later_numbered_version_replaces_what_an_earlier_one_scheduled_after_its_instant()
    {
        var v2 = new CalendarVersion(2, At("2025-03-10T00:00:00Z"), At("2025-03-01T00:00:00Z"), Second);
        var v3 = new CalendarVersion(3, At("2025-03-07T00:00:00Z"), At("2025-03-02T00:00:00Z"), Third);

        var calendar = Assert.IsType<VersionedCalendar>(CalendarVersions.Compose([v3, V1, v2], null, _ => true));

        Assert.Equal([At("2025-03-07T00:00:00Z")], calendar.Switches);
        Assert.False(calendar.IsOpen(At("2025-03-15T12:00:00Z"))); // a Saturday: v3's hours, not v2's 24x7
    }

    [Fact]
    public void A_backdated_version_reaches_back_only_for_a_case_open_when_it_was_recorded()
    {
        var backdated = new CalendarVersion(2, At("2025-03-05T00:00:00Z"), At("2025-03-20T00:00:00Z"), Second);

        var open = Assert.IsType<VersionedCalendar>(CalendarVersions.Compose([V1, backdated], null, at => at == At("2025-03-20T00:00:00Z")));
        var closed = Assert.IsType<VersionedCalendar>(CalendarVersions.Compose([V1, backdated], null, _ => false));

        Assert.Equal([At("2025-03-05T00:00:00Z")], open.Switches);
        Assert.Equal([At("2025-03-20T00:00:00Z")], closed.Switches);
    }
}
