using System.Collections.Immutable;
using NodaTime;
using SlaGrains.Domain.Calendars;
using SlaGrains.Domain.Cases;
using SlaGrains.Domain.Processes;
using SlaGrains.Domain.Tests.Cases;
using static SlaGrains.Domain.Tests.Cases.Scenario;

namespace SlaGrains.Domain.Tests.Calendars;

/// <summary>Issue 20: business time is computed only within <see cref="InstantRange"/>; beyond it is "not reachable", never an exception.</summary>
public sealed class InstantRangeTests
{
    private static readonly BusinessCalendar UsEast = BusinessCalendar.FromDefinition(UsEastHours());

    /// <summary>Open on Mondays 09:00–10:00 only, with every Monday of 2199 a holiday: it never opens again in the range.</summary>
    private static CalendarDefinition ClosedFor2199()
    {
        var mondays = new List<Holiday>();
        for (var date = new LocalDate(2199, 1, 1); date.Year == 2199; date = date.PlusDays(1))
        {
            if (date.DayOfWeek == IsoDayOfWeek.Monday)
            {
                mondays.Add(new Holiday { Date = date.ToString("yyyy-MM-dd", null), Name = "Closed" });
            }
        }
        return new CalendarDefinition
        {
            Name = "Mondays at nine",
            TimeZone = "Etc/UTC",
            Weekly = new WeeklySchedule { Monday = [new("09:00", "10:00")] },
            Holidays = mondays,
        };
    }

    [Fact]
    public void Adding_more_business_time_than_the_range_holds_is_not_reachable()
    {
        var start = At("2025-03-03T09:00:00Z");

        Assert.Null(UsEast.Add(start, Duration.FromSeconds(10_000_000_000))); // was ArgumentOutOfRangeException
        Assert.Null(BusinessCalendar.AlwaysOpen.Add(start, Duration.FromSeconds(1_000_000_000_000))); // was OverflowException
        Assert.Null(UsEast.Add(At("2199-12-31T12:00:00Z"), Duration.FromDays(1)));
        Assert.Null(BusinessCalendar.AlwaysOpen.Add(At("2199-12-31T12:00:00Z"), Duration.FromDays(1)));
        Assert.Equal(At("2199-12-31T12:00:00Z"), BusinessCalendar.AlwaysOpen.Add(At("2199-12-30T12:00:00Z"), Duration.FromDays(1)));
    }

    [Fact]
    public void A_calendar_that_never_opens_again_within_the_range_has_no_next_opening()
    {
        var calendar = BusinessCalendar.FromDefinition(ClosedFor2199());
        var start = At("2199-01-01T00:00:00Z");

        Assert.Null(calendar.Add(start, Duration.FromHours(1)));
        Assert.Null(calendar.Add(start, Duration.Zero));
        Assert.Null(calendar.NextTransition(start));
        Assert.Equal(Duration.Zero, calendar.Elapsed(start, At("2199-12-31T23:59:59Z")));
        Assert.Equal(At("2198-12-31T09:30:00Z"), calendar.Add(At("2198-12-31T09:00:00Z"), Duration.FromMinutes(30))); // the last Monday it opens
        Assert.Null(calendar.Add(At("2198-12-31T09:00:00Z"), Duration.FromHours(1))); // used up at closing: there is no next opening
    }

    [Fact]
    public void Time_outside_the_range_is_closed_on_a_business_calendar_and_nothing_throws_at_the_edges_of_time()
    {
        var yearOne = Instant.FromUtc(1, 1, 1, 0, 0);
        var year9999 = Instant.FromUtc(9999, 12, 31, 0, 0);

        Assert.Equal(UsEast.Elapsed(InstantRange.Start, InstantRange.End), UsEast.Elapsed(yearOne, year9999));
        Assert.Equal(-UsEast.Elapsed(InstantRange.Start, InstantRange.End), UsEast.Elapsed(year9999, yearOne));
        Assert.Equal(Duration.Zero, UsEast.Elapsed(InstantRange.End, year9999));
        Assert.False(UsEast.IsOpen(year9999));
        Assert.False(UsEast.IsOpen(At("1899-12-29T15:00:00Z"))); // a Friday, 10:00 in New York: outside the range
        Assert.Null(UsEast.NextTransition(year9999));
        Assert.Null(UsEast.Add(year9999, Duration.Zero));
        Assert.Equal(At("1900-01-01T14:00:00Z"), UsEast.Add(yearOne, Duration.Zero)); // the first opening in the range (New York was UTC−5)
    }

    [Fact]
    public void Long_spans_agree_with_their_parts_after_the_blocks_between_them_were_evicted()
    {
        var calendar = BusinessCalendar.FromDefinition(UsEastHours());
        var from = At("1950-06-01T00:00:00Z");
        var middle = At("2100-06-01T00:00:00Z");
        var to = At("2190-06-01T00:00:00Z");

        var whole = calendar.Elapsed(from, to); // builds every block between, keeping only the last few
        var parts = calendar.Elapsed(from, middle) + calendar.Elapsed(middle, to);
        var target = calendar.Add(from, whole - Duration.FromHours(1));

        Assert.Equal(whole, parts);
        Assert.Equal(whole, BusinessCalendar.FromDefinition(UsEastHours()).Elapsed(from, to));
        Assert.Equal(whole - Duration.FromHours(1), calendar.Elapsed(from, target!.Value));
        Assert.True(target < to);
    }

    [Fact]
    public void A_milestone_whose_target_lies_beyond_the_range_has_no_target_owes_no_violation_and_is_not_violated()
    {
        var process = ProcessWith(FirstResponse(ProcessValidator.MaxMinutes) with
        {
            Actions = [new ActionDefinition { When = ActionTrigger.Violation, Type = ActionType.Notify }],
        }) with { CalendarId = "mondays" };
        var s = new Scenario(process, ("mondays", ClosedFor2199())).Opened("2195-03-04T10:00:00Z");

        var evaluation = s.Evaluate("2199-06-01T00:00:00Z"); // was "no open time in the next 60 years"
        var m = evaluation.Snapshot.Milestones.Single();

        Assert.Null(m.TargetAt);
        Assert.Equal(MilestoneStatus.InProgress, m.Status);
        Assert.False(m.IsViolated);
        Assert.Null(m.NextClockChangeAt);
        Assert.DoesNotContain(evaluation.Notifications, n => n.Kind == NotificationKind.Violation);
    }

    [Fact]
    public void An_sla_start_field_outside_the_range_starts_the_sla_when_the_case_opened_and_says_why()
    {
        var process = ProcessWith(FirstResponse(60)) with { StartsFrom = "customFields.receivedAt", CalendarId = "us-east" };
        var s = new Scenario(process, ("us-east", UsEastHours())).Opened("2025-03-03T10:30:00-05:00",
            customFields: ImmutableDictionary<string, string>.Empty.Add("receivedAt", "9999-12-31T00:00:00Z"));

        var snapshot = s.Evaluate("2025-03-03T10:45:00-05:00").Snapshot; // was ArgumentOutOfRangeException

        Assert.Equal(At("2025-03-03T10:30:00-05:00"), snapshot.SlaStartAt);
        Assert.Equal(At("2025-03-03T11:30:00-05:00"), snapshot.Milestones.Single().TargetAt);
        Assert.Contains("outside the supported range", snapshot.EntitlementReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("1899-12-31T23:59:59Z")]
    [InlineData("2200-01-01T00:00:00Z")]
    [InlineData("9999-01-01T00:00:00Z")]
    public void Events_with_instants_outside_the_range_are_refused_naming_the_field(string instant)
    {
        var now = At("2025-03-03T10:00:00Z");
        var outside = At(instant);
        var opened = new CaseEvent
        {
            EventId = "e1",
            Type = CaseEventType.Opened,
            OccurredAt = outside,
            Case = new CaseFields { CustomFields = ImmutableDictionary<string, string>.Empty.Add("receivedAt", instant).Add("note", "Thanks") },
        };
        var updated = new CaseEvent
        {
            EventId = "e2",
            Type = CaseEventType.Updated,
            OccurredAt = now,
            Changes = new CaseChanges { CustomFields = ImmutableDictionary<string, string?>.Empty.Add("receivedAt", instant.Replace("Z", "+00:00", StringComparison.Ordinal)) },
        };

        var errors = CaseEventValidator.Validate(opened, now).ToDictionary();
        var changeErrors = CaseEventValidator.Validate(updated, now).ToDictionary();

        Assert.Contains(errors["occurredAt"], m => m.Contains(InstantRange.Description, StringComparison.Ordinal));
        Assert.Contains(InstantRange.Description, Assert.Single(errors["case.customFields.receivedAt"]), StringComparison.Ordinal);
        Assert.False(errors.ContainsKey("case.customFields.note"));
        Assert.Contains("changes.customFields.receivedAt", changeErrors.Keys);
    }

    [Fact]
    public void Events_at_the_edges_of_the_range_are_accepted()
    {
        var e = new CaseEvent
        {
            EventId = "e1",
            Type = CaseEventType.Opened,
            OccurredAt = InstantRange.Start,
            Case = new CaseFields { CustomFields = ImmutableDictionary<string, string>.Empty.Add("receivedAt", "2199-12-31T23:59:59Z") },
        };

        Assert.True(CaseEventValidator.Validate(e, At("2025-03-03T10:00:00Z")).IsValid);
    }
}
