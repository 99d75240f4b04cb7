using System.Collections.Immutable;
using SlaGrains.Domain.Cases;
using SlaGrains.Domain.Processes;
using static SlaGrains.Domain.Tests.Cases.Scenario;

namespace SlaGrains.Domain.Tests.Cases;

/// <summary>Worked examples for docs/semantics.md, "Processes and milestones" to "Notifications". Monday 3 March 2025 in New York (UTC−5) is the usual first day.</summary>
public sealed class CaseTimelineTests
{
    private static Scenario BusinessHours(params MilestoneDefinition[] milestones) =>
        new(ProcessWith(milestones) with { CalendarId = "us-east" }, ("us-east", UsEastHours()));

    [Fact]
    public void A_reply_before_the_target_completes_the_milestone_on_time()
    {
        var s = BusinessHours(FirstResponse(60)).Opened("2025-03-03T10:00:00-05:00").AgentReplied("2025-03-03T10:40:00-05:00");

        var evaluation = s.Evaluate("2025-03-03T12:00:00-05:00");
        var m = evaluation.Snapshot.Milestones.Single();

        Assert.Equal("first-response#1", m.Id);
        Assert.Equal(MilestoneStatus.Completed, m.Status);
        Assert.False(m.IsViolated);
        Assert.Equal(At("2025-03-03T11:00:00-05:00"), m.TargetAt);
        Assert.Equal(At("2025-03-03T10:40:00-05:00"), m.CompletedAt);
        Assert.Equal(40 * 60, m.ElapsedSeconds); // frozen at completion
        Assert.Equal(20 * 60, m.RemainingSeconds);
        Assert.Equal(CaseMilestoneStatus.Compliant, evaluation.Snapshot.MilestoneStatus);
        Assert.Contains(evaluation.Notifications, n => n.Id == "case-1/first-response#1/success/0m" && !n.Late);
    }

    [Fact]
    public void The_target_is_counted_in_business_hours_across_the_weekend()
    {
        var s = BusinessHours(FirstResponse(120)).Opened("2025-03-07T16:00:00-05:00"); // Friday 16:00

        var m = s.Milestone("2025-03-08T12:00:00-05:00", "first-response#1"); // Saturday noon

        Assert.Equal(At("2025-03-10T10:00:00-04:00"), m.TargetAt); // Monday 10:00, after the DST change
        Assert.Equal(3600, m.ElapsedSeconds);
        Assert.Equal(3600, m.RemainingSeconds);
        Assert.False(m.ClockRunning);
        Assert.Equal(At("2025-03-10T09:00:00-04:00"), m.NextClockChangeAt);
        Assert.Equal((long)(20 * 3600), m.ActualElapsedSeconds);
        Assert.Equal("us-east", m.CalendarId);
    }

    [Fact]
    public void An_open_milestone_past_its_target_is_violated_and_counts_overdue_open_time()
    {
        var s = BusinessHours(FirstResponse(60)).Opened("2025-03-03T16:30:00-05:00");

        var evaluation = s.Evaluate("2025-03-04T09:45:00-05:00");
        var m = evaluation.Snapshot.Milestones.Single();

        Assert.Equal(At("2025-03-04T09:30:00-05:00"), m.TargetAt);
        Assert.Equal(MilestoneStatus.Violated, m.Status);
        Assert.True(m.IsViolated);
        Assert.Equal(15 * 60, m.OverdueSeconds);
        Assert.Equal(0, m.RemainingSeconds);
        Assert.True(m.ClockRunning);
        Assert.Equal(At("2025-03-04T17:00:00-05:00"), m.NextClockChangeAt);
        Assert.Equal(CaseMilestoneStatus.OpenViolation, evaluation.Snapshot.MilestoneStatus);
        var violation = Assert.Single(evaluation.Notifications, n => n.Kind == NotificationKind.Violation);
        Assert.Equal("case-1/first-response#1/violation/0m", violation.Id);
        Assert.Equal(m.TargetAt, violation.DueAt);
    }

    [Fact]
    public void At_the_target_instant_the_milestone_is_violated_but_a_completion_then_is_still_on_time()
    {
        var open = BusinessHours(FirstResponse(60)).Opened("2025-03-03T10:00:00-05:00");
        Assert.Equal(MilestoneStatus.Violated, open.Milestone("2025-03-03T11:00:00-05:00", "first-response#1").Status);

        var answered = BusinessHours(FirstResponse(60)).Opened("2025-03-03T10:00:00-05:00").AgentReplied("2025-03-03T11:00:00-05:00");
        Assert.Equal(MilestoneStatus.Completed, answered.Milestone("2025-03-03T11:00:00-05:00", "first-response#1").Status);
    }

    [Fact]
    public void A_late_reply_completes_late_and_the_case_keeps_a_closed_violation()
    {
        var s = BusinessHours(FirstResponse(60)).Opened("2025-03-03T10:00:00-05:00").AgentReplied("2025-03-03T11:30:00-05:00");

        var evaluation = s.Evaluate("2025-03-03T12:00:00-05:00");
        var m = evaluation.Snapshot.Milestones.Single();

        Assert.Equal(MilestoneStatus.CompletedLate, m.Status);
        Assert.True(m.IsViolated);
        Assert.Equal(30 * 60, m.OverdueSeconds);
        Assert.Equal(CaseMilestoneStatus.ClosedViolation, evaluation.Snapshot.MilestoneStatus);
        Assert.Contains(evaluation.Notifications, n => n.Kind == NotificationKind.Success && n.Late);
        Assert.Contains(evaluation.Notifications, n => n.Id == "case-1/first-response#1/violation/0m" && n.DueAt == At("2025-03-03T11:00:00-05:00"));
    }

    [Fact]
    public void Warnings_by_minutes_count_open_time_so_none_fires_overnight()
    {
        var milestone = FirstResponse(120) with { Warnings = [new WarningDefinition { BeforeTargetMinutes = 90 }] };
        var s = BusinessHours(milestone).Opened("2025-03-03T16:30:00-05:00"); // 30 min today, 90 min tomorrow

        var warning = Assert.Single(s.Evaluate("2025-03-03T16:31:00-05:00").Notifications, n => n.Kind == NotificationKind.Warning);

        Assert.Equal("case-1/first-response#1/warning/90m", warning.Id);
        Assert.Equal(At("2025-03-04T09:00:00-05:00"), warning.DueAt); // not 17:00 wall-clock-minus-90 the evening before
    }

    [Fact]
    public void Warnings_by_percent_fall_at_that_share_of_the_milestone_time()
    {
        var milestone = FirstResponse(240) with { Warnings = [new WarningDefinition { AtPercent = 75 }] };
        var s = BusinessHours(milestone).Opened("2025-03-03T09:00:00-05:00");

        var warning = Assert.Single(s.Evaluate("2025-03-03T09:00:00-05:00").Notifications, n => n.Kind == NotificationKind.Warning);

        Assert.Equal("case-1/first-response#1/warning/75pct", warning.Id);
        Assert.Equal(At("2025-03-03T12:00:00-05:00"), warning.DueAt);
    }

    [Fact]
    public void The_snapshot_gives_the_warning_window_as_the_remaining_time_of_the_earliest_warning()
    {
        var milestone = FirstResponse(240) with
        {
            Warnings = [new WarningDefinition { AtPercent = 75 }, new WarningDefinition { BeforeTargetMinutes = 30 }, new WarningDefinition { BeforeTargetMinutes = 300 }],
        };
        var withWarnings = BusinessHours(milestone).Opened("2025-03-03T09:00:00-05:00").Evaluate("2025-03-03T09:10:00-05:00").Snapshot;
        var without = BusinessHours(FirstResponse(240)).Opened("2025-03-03T09:00:00-05:00").Evaluate("2025-03-03T09:10:00-05:00").Snapshot;

        Assert.Equal(3600, withWarnings.Milestones[0].WarningSeconds); // 75 % leaves 60 min; 30 min is later; 300 min is before the start
        Assert.Null(without.Milestones[0].WarningSeconds);
    }

    [Fact]
    public void Warnings_stop_being_owed_once_the_milestone_is_violated()
    {
        var milestone = FirstResponse(60) with { Warnings = [new WarningDefinition { BeforeTargetMinutes = 15 }] };
        var s = BusinessHours(milestone).Opened("2025-03-03T10:00:00-05:00");

        Assert.Contains(s.Evaluate("2025-03-03T10:50:00-05:00").Notifications, n => n.Kind == NotificationKind.Warning);
        Assert.DoesNotContain(s.Evaluate("2025-03-03T11:05:00-05:00").Notifications, n => n.Kind == NotificationKind.Warning);
    }

    [Fact]
    public void Violation_actions_fire_at_the_target_plus_their_offset_in_open_time_with_their_actions()
    {
        var escalate = new ActionDefinition { When = ActionTrigger.Violation, Type = ActionType.Escalate, OffsetMinutes = 60, SetPriority = "Urgent" };
        var webhook = new ActionDefinition { When = ActionTrigger.Violation, Type = ActionType.Webhook };
        var s = BusinessHours(FirstResponse(60) with { Actions = [webhook, escalate] }).Opened("2025-03-03T15:30:00-05:00");

        var notifications = s.Evaluate("2025-03-03T15:30:00-05:00").Notifications;

        var atTarget = Assert.Single(notifications, n => n.Id.EndsWith("/violation/0m", StringComparison.Ordinal));
        Assert.Equal(At("2025-03-03T16:30:00-05:00"), atTarget.DueAt);
        Assert.Equal([webhook], atTarget.Actions);
        var later = Assert.Single(notifications, n => n.Id.EndsWith("/violation/60m", StringComparison.Ordinal));
        Assert.Equal(At("2025-03-04T09:30:00-05:00"), later.DueAt); // 30 open minutes today, 30 tomorrow
        Assert.Equal([escalate], later.Actions);
    }

    [Fact]
    public void Stopping_the_clock_moves_the_target_by_the_open_time_that_passed_while_stopped()
    {
        var s = BusinessHours(FirstResponse(60))
            .Opened("2025-03-03T10:00:00-05:00")
            .Add(CaseEventType.Stopped, "2025-03-03T10:20:00-05:00")
            .Add(CaseEventType.Resumed, "2025-03-03T11:05:00-05:00");

        var paused = s.Milestone("2025-03-03T10:50:00-05:00", "first-response#1"); // the resume is not history yet
        Assert.Equal(MilestoneStatus.Paused, paused.Status);
        Assert.False(paused.ClockRunning);
        Assert.Null(paused.NextClockChangeAt);
        Assert.Equal(20 * 60, paused.ElapsedSeconds);
        Assert.Equal(30 * 60, paused.PausedSeconds);

        var resumed = s.Milestone("2025-03-03T11:30:00-05:00", "first-response#1");
        Assert.Equal(At("2025-03-03T11:45:00-05:00"), resumed.TargetAt);
        Assert.Equal(45 * 60, resumed.PausedSeconds);
        Assert.Equal(45 * 60, resumed.ElapsedSeconds);
        Assert.Equal(90 * 60, resumed.ActualElapsedSeconds);
        Assert.True(s.Evaluate("2025-03-03T11:30:00-05:00").Snapshot is { IsStopped: false, StoppedSince: null });
    }

    [Fact]
    public void A_paused_status_stops_the_clock_and_a_milestone_can_override_the_process_list()
    {
        var own = new MilestoneDefinition { Name = "Resolution", Minutes = 480, PausedStatuses = ["On Hold"] };
        var s = BusinessHours(FirstResponse(60), own)
            .Opened("2025-03-03T10:00:00-05:00")
            .Updated("2025-03-03T10:30:00-05:00", new CaseChanges { Status = "Waiting on Customer" });

        var snapshot = s.Evaluate("2025-03-03T12:00:00-05:00").Snapshot;

        var response = snapshot.Milestones.Single(m => m.Id == "first-response#1");
        Assert.Equal(MilestoneStatus.Paused, response.Status);
        Assert.Equal(30 * 60, response.ElapsedSeconds);
        Assert.Equal(At("2025-03-03T12:30:00-05:00"), response.TargetAt); // as if it resumed now
        var resolution = snapshot.Milestones.Single(m => m.Id == "resolution#1");
        Assert.Equal(MilestoneStatus.InProgress, resolution.Status); // its own list does not name that status
        Assert.Equal(120 * 60, resolution.ElapsedSeconds);
    }

    [Fact]
    public void A_priority_change_recalculates_the_target_from_the_original_start()
    {
        var milestone = FirstResponse(240) with { MinutesByPriority = new Dictionary<string, int> { ["High"] = 60, ["Urgent"] = 30 } };
        var s = BusinessHours(milestone)
            .Opened("2025-03-03T10:00:00-05:00", priority: "Medium")
            .Updated("2025-03-03T10:10:00-05:00", new CaseChanges { Priority = "High" });

        var m = s.Milestone("2025-03-03T10:15:00-05:00", "first-response#1");

        Assert.Equal(At("2025-03-03T11:00:00-05:00"), m.TargetAt);
        Assert.Equal(3600, m.TargetSeconds);
        Assert.Equal(At("2025-03-03T10:00:00-05:00"), m.StartedAt);
    }

    [Fact]
    public void A_recalculated_target_already_in_the_past_is_a_violation_at_once()
    {
        var milestone = FirstResponse(240) with { MinutesByPriority = new Dictionary<string, int> { ["Urgent"] = 30 } };
        var s = BusinessHours(milestone)
            .Opened("2025-03-03T10:00:00-05:00", priority: "Medium")
            .Updated("2025-03-03T10:45:00-05:00", new CaseChanges { Priority = "Urgent" });

        var evaluation = s.Evaluate("2025-03-03T10:45:00-05:00");

        Assert.Equal(MilestoneStatus.Violated, evaluation.Snapshot.Milestones.Single().Status);
        Assert.Contains(evaluation.Notifications, n => n.Kind == NotificationKind.Violation && n.DueAt == At("2025-03-03T10:30:00-05:00"));
    }

    [Fact]
    public void A_violated_milestone_is_never_unviolated_by_a_later_priority_change()
    {
        var milestone = FirstResponse(30) with { MinutesByPriority = new Dictionary<string, int> { ["Low"] = 480 } };
        var s = BusinessHours(milestone)
            .Opened("2025-03-03T10:00:00-05:00")
            .Updated("2025-03-03T11:00:00-05:00", new CaseChanges { Priority = "Low" });

        var m = s.Milestone("2025-03-03T11:05:00-05:00", "first-response#1");

        Assert.True(m.IsViolated);
        Assert.Equal(MilestoneStatus.Violated, m.Status);
    }

    [Fact]
    public void A_milestone_whose_criteria_stop_matching_is_canceled()
    {
        var milestone = FirstResponse(60) with { Criteria = new Dictionary<string, IReadOnlyList<string>> { ["priority"] = ["High", "Urgent"] } };
        var s = BusinessHours(milestone)
            .Opened("2025-03-03T10:00:00-05:00")
            .Updated("2025-03-03T10:20:00-05:00", new CaseChanges { Priority = "Low" });

        var evaluation = s.Evaluate("2025-03-03T12:00:00-05:00");
        var m = evaluation.Snapshot.Milestones.Single();

        Assert.Equal(MilestoneStatus.Canceled, m.Status);
        Assert.Equal(At("2025-03-03T10:20:00-05:00"), m.CompletedAt);
        Assert.Empty(evaluation.Notifications);
        Assert.Equal(CaseMilestoneStatus.Compliant, evaluation.Snapshot.MilestoneStatus);
    }

    [Fact]
    public void A_none_milestone_starts_at_the_first_event_after_which_its_criteria_match_and_runs_once()
    {
        var milestone = FirstResponse(60) with { Criteria = new Dictionary<string, IReadOnlyList<string>> { ["customFields.tier"] = ["vip"] } };
        var s = BusinessHours(milestone)
            .Opened("2025-03-03T10:00:00-05:00")
            .Updated("2025-03-03T10:30:00-05:00", new CaseChanges { CustomFields = ImmutableDictionary<string, string?>.Empty.Add("tier", "vip") })
            .Updated("2025-03-03T10:40:00-05:00", new CaseChanges { CustomFields = ImmutableDictionary<string, string?>.Empty.Add("tier", null) })
            .Updated("2025-03-03T10:50:00-05:00", new CaseChanges { CustomFields = ImmutableDictionary<string, string?>.Empty.Add("tier", "vip") });

        var m = Assert.Single(s.Evaluate("2025-03-03T11:00:00-05:00").Snapshot.Milestones);

        Assert.Equal(At("2025-03-03T10:30:00-05:00"), m.StartedAt);
        Assert.Equal(MilestoneStatus.Canceled, m.Status);
    }

    [Fact]
    public void Independent_recurrence_starts_a_new_instance_at_each_trigger_while_none_is_open()
    {
        var milestone = new MilestoneDefinition
        {
            Name = "Response", Minutes = 60, Recurrence = Recurrence.Independent,
            CompletedBy = ["agentReplied"], StartedBy = ["customerReplied"],
        };
        var s = BusinessHours(milestone)
            .Opened("2025-03-03T10:00:00-05:00")
            .Add(CaseEventType.CustomerReplied, "2025-03-03T10:05:00-05:00") // one is open: no second instance
            .AgentReplied("2025-03-03T10:10:00-05:00")
            .Add(CaseEventType.CustomerReplied, "2025-03-03T10:20:00-05:00");

        var milestones = s.Evaluate("2025-03-03T10:30:00-05:00").Snapshot.Milestones;

        Assert.Equal(["response#1", "response#2"], milestones.Select(m => m.Id));
        Assert.Equal(MilestoneStatus.Completed, milestones[0].Status);
        Assert.Equal(At("2025-03-03T10:20:00-05:00"), milestones[1].StartedAt);
        Assert.Equal(At("2025-03-03T11:20:00-05:00"), milestones[1].TargetAt);
    }

    [Fact]
    public void Sequential_recurrence_never_pulls_the_next_deadline_before_the_previous_target()
    {
        var milestone = new MilestoneDefinition
        {
            Name = "Response", Minutes = 60, Recurrence = Recurrence.Sequential,
            CompletedBy = ["agentReplied"], StartedBy = ["customerReplied"],
        };
        var s = BusinessHours(milestone)
            .Opened("2025-03-03T10:00:00-05:00")
            .AgentReplied("2025-03-03T10:10:00-05:00")
            .Add(CaseEventType.CustomerReplied, "2025-03-03T10:20:00-05:00");

        var second = s.Milestone("2025-03-03T10:30:00-05:00", "response#2");

        Assert.Equal(At("2025-03-03T11:00:00-05:00"), second.StartedAt); // the first instance's target, not 10:20
        Assert.Equal(At("2025-03-03T12:00:00-05:00"), second.TargetAt);
        Assert.Equal(0, second.ElapsedSeconds);
        Assert.Equal(At("2025-03-03T11:00:00-05:00"), second.NextClockChangeAt);
    }

    [Fact]
    public void Closing_completes_every_open_milestone_and_reopening_restarts_only_recurring_ones()
    {
        var response = new MilestoneDefinition { Name = "Response", Minutes = 60, Recurrence = Recurrence.Independent, CompletedBy = ["agentReplied"] };
        var s = BusinessHours(FirstResponse(60), response)
            .Opened("2025-03-03T10:00:00-05:00")
            .Add(CaseEventType.Closed, "2025-03-03T11:30:00-05:00")
            .Add(CaseEventType.Reopened, "2025-03-03T13:00:00-05:00");

        var atClose = s.Evaluate("2025-03-03T12:00:00-05:00").Snapshot;
        Assert.True(atClose.Closed);
        Assert.Equal(At("2025-03-03T11:30:00-05:00"), atClose.SlaExitAt);
        Assert.All(atClose.Milestones, m => Assert.Equal(MilestoneStatus.CompletedLate, m.Status));
        Assert.Equal(CaseMilestoneStatus.ClosedViolation, atClose.MilestoneStatus);

        var reopened = s.Evaluate("2025-03-03T13:10:00-05:00").Snapshot;
        Assert.False(reopened.Closed);
        Assert.Null(reopened.SlaExitAt);
        Assert.Equal(["first-response#1", "response#1", "response#2"], reopened.Milestones.Select(m => m.Id));
        Assert.Equal(At("2025-03-03T13:00:00-05:00"), reopened.Milestones.Single(m => m.Id == "response#2").StartedAt);
    }

    [Fact]
    public void A_late_event_is_folded_in_where_it_belongs()
    {
        var inOrder = BusinessHours(FirstResponse(60))
            .Opened("2025-03-03T10:00:00-05:00")
            .AgentReplied("2025-03-03T10:30:00-05:00")
            .Updated("2025-03-03T10:45:00-05:00", new CaseChanges { Status = "Working" });
        var late = BusinessHours(FirstResponse(60))
            .Opened("2025-03-03T10:00:00-05:00")
            .Updated("2025-03-03T10:45:00-05:00", new CaseChanges { Status = "Working" })
            .AgentReplied("2025-03-03T10:30:00-05:00");

        var before = BusinessHours(FirstResponse(60)).Opened("2025-03-03T10:00:00-05:00")
            .Updated("2025-03-03T10:45:00-05:00", new CaseChanges { Status = "Working" });
        Assert.Equal(MilestoneStatus.Violated, before.Milestone("2025-03-03T11:30:00-05:00", "first-response#1").Status);

        var expected = inOrder.Evaluate("2025-03-03T11:30:00-05:00");
        var actual = late.Evaluate("2025-03-03T11:30:00-05:00");
        Assert.Equal(expected.Snapshot.Milestones, actual.Snapshot.Milestones);
        Assert.Equal(MilestoneStatus.Completed, actual.Snapshot.Milestones.Single().Status);
    }

    [Fact]
    public void A_repeated_event_id_is_applied_once()
    {
        var s = BusinessHours(new MilestoneDefinition { Name = "Response", Minutes = 60, Recurrence = Recurrence.Independent, CompletedBy = ["agentReplied"], StartedBy = ["customerReplied"] })
            .Opened("2025-03-03T10:00:00-05:00")
            .AgentReplied("2025-03-03T10:10:00-05:00")
            .Add(CaseEventType.CustomerReplied, "2025-03-03T10:20:00-05:00", eventId: "crm-1")
            .AgentReplied("2025-03-03T10:25:00-05:00")
            .Add(CaseEventType.CustomerReplied, "2025-03-03T10:40:00-05:00", eventId: "crm-1"); // a retry, re-stamped

        var milestones = s.Evaluate("2025-03-03T11:00:00-05:00").Snapshot.Milestones;

        Assert.Equal(2, milestones.Count);
        Assert.All(milestones, m => Assert.Equal(MilestoneStatus.Completed, m.Status));
    }

    [Fact]
    public void An_internal_note_does_not_count_as_a_response()
    {
        var s = BusinessHours(FirstResponse(60)).Opened("2025-03-03T10:00:00-05:00").AgentReplied("2025-03-03T10:10:00-05:00", isPublic: false);

        Assert.Equal(MilestoneStatus.InProgress, s.Milestone("2025-03-03T10:30:00-05:00", "first-response#1").Status);
    }

    [Fact]
    public void An_explicit_milestone_completed_event_completes_the_named_milestone_only()
    {
        var s = BusinessHours(FirstResponse(60), new MilestoneDefinition { Name = "Resolution", Minutes = 480 })
            .Opened("2025-03-03T10:00:00-05:00")
            .Add(CaseEventType.MilestoneCompleted, "2025-03-03T10:30:00-05:00", e => e with { Milestone = "Resolution" });

        var milestones = s.Evaluate("2025-03-03T10:40:00-05:00").Snapshot.Milestones;

        Assert.Equal(MilestoneStatus.InProgress, milestones.Single(m => m.Id == "first-response#1").Status);
        Assert.Equal(MilestoneStatus.Completed, milestones.Single(m => m.Id == "resolution#1").Status);
    }

    [Fact]
    public void An_escalation_is_an_event_that_sets_fields_and_re_evaluates_criteria()
    {
        var tier2 = new MilestoneDefinition
        {
            Name = "Tier 2 Pickup", Minutes = 30,
            Criteria = new Dictionary<string, IReadOnlyList<string>> { ["queue"] = ["Tier 2"] },
        };
        var escalate = new ActionDefinition { When = ActionTrigger.Violation, Type = ActionType.Escalate, SetPriority = "Urgent", SetQueue = "Tier 2" };
        var s = BusinessHours(FirstResponse(60) with { MinutesByPriority = new Dictionary<string, int> { ["Urgent"] = 120 }, Actions = [escalate] }, tier2)
            .Opened("2025-03-03T10:00:00-05:00");
        var engine = s.Engine();
        var escalation = engine.Settle(At("2025-03-03T11:00:00-05:00"), new HashSet<string>()).Events.Single();

        var snapshot = engine.Evaluate(At("2025-03-03T11:10:00-05:00")).Snapshot;

        Assert.Equal(At("2025-03-03T11:00:00-05:00"), escalation.OccurredAt);
        Assert.Equal("Urgent", snapshot.Priority);
        Assert.Equal("Tier 2", snapshot.Queue);
        var pickup = snapshot.Milestones.Single(m => m.Id == "tier-2-pickup#1");
        Assert.Equal(At("2025-03-03T11:00:00-05:00"), pickup.StartedAt);
        // The first response was violated at 11:00 and stays violated although Urgent now allows 120 minutes.
        Assert.True(snapshot.Milestones.Single(m => m.Id == "first-response#1").IsViolated);
    }

    [Fact]
    public void A_case_whose_entitlement_refuses_it_does_not_enter_and_says_why()
    {
        var s = BusinessHours(FirstResponse(60)).Opened("2025-03-03T10:00:00-05:00");
        s.Decision = new EntitlementDecision(EntitlementId, false, "Entitlement 'gold-acme' has no remaining cases (10 of 10 used).");

        var snapshot = s.Evaluate("2025-03-03T11:00:00-05:00").Snapshot;

        Assert.Empty(snapshot.Milestones);
        Assert.Null(snapshot.ProcessId);
        Assert.Equal("Entitlement 'gold-acme' has no remaining cases (10 of 10 used).", snapshot.EntitlementReason);
    }

    [Fact]
    public void An_entitlement_set_later_still_starts_the_clock_when_the_case_opened()
    {
        var s = BusinessHours(FirstResponse(60))
            .Opened("2025-03-03T10:00:00-05:00", entitlementId: null)
            .Updated("2025-03-03T10:40:00-05:00", new CaseChanges { EntitlementId = EntitlementId });

        var snapshot = s.Evaluate("2025-03-03T10:50:00-05:00").Snapshot;

        Assert.Equal(At("2025-03-03T10:00:00-05:00"), snapshot.SlaStartAt);
        Assert.Equal("platinum", snapshot.ProcessId);
        Assert.Equal(3, snapshot.ProcessVersion);
        Assert.Equal(At("2025-03-03T11:00:00-05:00"), snapshot.Milestones.Single().TargetAt);
    }

    [Fact]
    public void The_sla_can_start_from_a_named_date_field()
    {
        var process = ProcessWith(FirstResponse(60)) with { StartsFrom = "customFields.receivedAt" };
        var s = new Scenario(process).Opened("2025-03-03T10:30:00Z",
            customFields: ImmutableDictionary<string, string>.Empty.Add("receivedAt", "2025-03-03T10:00:00Z"));

        var snapshot = s.Evaluate("2025-03-03T10:45:00Z").Snapshot;

        Assert.Equal(At("2025-03-03T10:00:00Z"), snapshot.SlaStartAt);
        Assert.Equal(At("2025-03-03T11:00:00Z"), snapshot.Milestones.Single().TargetAt);
        Assert.Null(snapshot.Milestones.Single().CalendarId); // no calendar anywhere: 24x7
    }

    [Fact]
    public void Events_after_as_of_are_not_yet_history()
    {
        var s = BusinessHours(FirstResponse(60)).Opened("2025-03-03T10:00:00-05:00").AgentReplied("2025-03-03T10:30:00-05:00");

        var m = s.Milestone("2025-03-03T10:20:00-05:00", "first-response#1");

        Assert.Equal(MilestoneStatus.InProgress, m.Status);
        Assert.Equal(20 * 60, m.ElapsedSeconds);
        Assert.Equal(40 * 60, m.RemainingSeconds);
    }

    [Fact]
    public void The_milestone_calendar_wins_over_the_entitlement_calendar_which_wins_over_the_process_calendar()
    {
        var always = new SlaGrains.Domain.Calendars.CalendarDefinition { TimeZone = "Etc/UTC", AlwaysOpen = true };
        var s = new Scenario(ProcessWith(FirstResponse(60), new MilestoneDefinition { Name = "Resolution", Minutes = 60, CalendarId = "us-east" }) with { CalendarId = "process-cal" },
            ("us-east", UsEastHours()), ("process-cal", always), ("entitlement-cal", always))
            .Opened("2025-03-03T10:00:00-05:00");
        s.Decision = s.Decision! with { CalendarId = "entitlement-cal" };

        var milestones = s.Evaluate("2025-03-03T10:10:00-05:00").Snapshot.Milestones;

        Assert.Equal("entitlement-cal", milestones.Single(m => m.Id == "first-response#1").CalendarId);
        Assert.Equal("us-east", milestones.Single(m => m.Id == "resolution#1").CalendarId);
    }
}
