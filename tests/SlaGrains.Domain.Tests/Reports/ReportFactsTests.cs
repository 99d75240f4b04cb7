using SlaGrains.Domain.Cases;
using SlaGrains.Domain.Processes;
using SlaGrains.Domain.Reports;
using SlaGrains.Domain.Tests.Cases;
using static SlaGrains.Domain.Tests.Cases.Scenario;

namespace SlaGrains.Domain.Tests.Reports;

/// <summary>docs/semantics.md, "Reports": what each kind of outcome becomes as a fact. Monday 3 March 2025, New York (UTC−5).</summary>
public sealed class ReportFactsTests
{
    private static Scenario BusinessHours(params MilestoneDefinition[] milestones) =>
        new(ProcessWith(milestones) with { CalendarId = "us-east" }, ("us-east", UsEastHours()));

    private static CaseFacts Facts(Scenario s, string asOf, long version = 7) => ReportFacts.From(s.Engine().Evaluate(At(asOf)), version);

    [Fact]
    public void A_reply_before_the_target_is_met_with_its_business_time()
    {
        var s = BusinessHours(FirstResponse(60)).Opened("2025-03-03T10:00:00-05:00").AgentReplied("2025-03-03T10:40:00-05:00");

        var facts = Facts(s, "2025-03-03T12:00:00-05:00");
        var f = Assert.Single(facts.Milestones);

        Assert.Equal(new MilestoneFact
        {
            CaseId = "case-1", MilestoneId = "first-response#1", Milestone = "First Response", Instance = 1,
            ProcessId = "platinum", ProcessVersion = 3, EntitlementId = "gold-acme", AccountId = "acme", Queue = "Tier 1",
            Priority = "High", Owner = null, CalendarId = "us-east", Status = MilestoneFactStatus.Met,
            StartedAt = At("2025-03-03T10:00:00-05:00"), TargetAt = At("2025-03-03T11:00:00-05:00"),
            CompletedAt = At("2025-03-03T10:40:00-05:00"), ViolatedAt = null, SecondsToComplete = 2400, PausedSeconds = 0,
            OverdueSeconds = 0, CaseVersion = 7,
        }, f);
        Assert.Equal(7, facts.Version);
        Assert.Equal(At("2025-03-03T10:40:00-05:00"), facts.Case.FirstResponseAt);
        Assert.Equal(At("2025-03-03T10:00:00-05:00"), facts.Case.OpenedAt);
        Assert.Null(facts.Case.ClosedAt);
    }

    [Fact]
    public void A_reply_after_the_target_is_met_late_with_its_overdue_time()
    {
        var s = BusinessHours(FirstResponse(60)).Opened("2025-03-03T16:30:00-05:00").AgentReplied("2025-03-04T09:45:00-05:00");

        var f = Assert.Single(Facts(s, "2025-03-04T12:00:00-05:00").Milestones);

        Assert.Equal(MilestoneFactStatus.MetLate, f.Status);
        Assert.Equal(At("2025-03-04T09:30:00-05:00"), f.TargetAt);
        Assert.Equal(At("2025-03-04T09:30:00-05:00"), f.ViolatedAt);
        Assert.Equal(75 * 60, f.SecondsToComplete); // 30 minutes on Monday, 45 on Tuesday
        Assert.Equal(15 * 60, f.OverdueSeconds);
    }

    [Fact]
    public void An_open_milestone_past_its_target_is_violated_and_one_before_it_is_open()
    {
        var s = BusinessHours(FirstResponse(60)).Opened("2025-03-03T16:30:00-05:00");

        var open = Assert.Single(Facts(s, "2025-03-04T09:00:00-05:00").Milestones);
        var violated = Assert.Single(Facts(s, "2025-03-04T10:00:00-05:00").Milestones);

        Assert.Equal(MilestoneFactStatus.Open, open.Status);
        Assert.Equal(0, open.OverdueSeconds);
        Assert.Null(open.SecondsToComplete);
        Assert.Equal(MilestoneFactStatus.Violated, violated.Status);
        Assert.Equal(At("2025-03-04T09:30:00-05:00"), violated.ViolatedAt);
        Assert.Equal(30 * 60, violated.OverdueSeconds);
        Assert.Null(violated.CompletedAt);
    }

    [Fact]
    public void Criteria_that_stop_matching_cancel_the_milestone_but_never_undo_a_breach()
    {
        var highOnly = FirstResponse(60) with { Criteria = new Dictionary<string, IReadOnlyList<string>> { ["priority"] = ["High"] } };
        var early = BusinessHours(highOnly).Opened("2025-03-03T10:00:00-05:00")
            .Updated("2025-03-03T10:30:00-05:00", new CaseChanges { Priority = "Low" });
        var late = BusinessHours(highOnly).Opened("2025-03-03T10:00:00-05:00")
            .Updated("2025-03-03T11:30:00-05:00", new CaseChanges { Priority = "Low" });

        var canceled = Assert.Single(Facts(early, "2025-03-03T12:00:00-05:00").Milestones);
        var breached = Assert.Single(Facts(late, "2025-03-03T12:00:00-05:00").Milestones);

        Assert.Equal(MilestoneFactStatus.Canceled, canceled.Status);
        Assert.Equal(At("2025-03-03T10:30:00-05:00"), canceled.CompletedAt);
        Assert.Equal(0, canceled.OverdueSeconds);
        Assert.Equal("Low", canceled.Priority); // the fields at the outcome
        Assert.Equal(MilestoneFactStatus.Violated, breached.Status);
        Assert.Equal(At("2025-03-03T11:00:00-05:00"), breached.ViolatedAt);
        Assert.Equal(30 * 60, breached.OverdueSeconds);
    }

    [Fact]
    public void A_breach_escalated_at_its_target_counts_for_the_queue_that_breached_it()
    {
        var s = BusinessHours(FirstResponse(60)).Opened("2025-03-03T10:00:00-05:00")
            .Add(CaseEventType.Escalated, "2025-03-03T11:00:00-05:00", e => e with { Changes = new CaseChanges { Queue = "Escalations" } });

        var facts = Facts(s, "2025-03-03T12:00:00-05:00");
        var breached = Assert.Single(facts.Milestones);

        Assert.Equal((MilestoneFactStatus.Violated, "Tier 1"), (breached.Status, breached.Queue));
        Assert.Equal("Escalations", facts.Case.Queue);
    }

    [Fact]
    public void A_priority_raise_that_puts_the_target_in_the_past_is_a_breach_under_the_new_priority()
    {
        var byPriority = FirstResponse(240) with { MinutesByPriority = new Dictionary<string, int> { ["Urgent"] = 30 } };
        var s = BusinessHours(byPriority).Opened("2025-03-03T10:00:00-05:00")
            .Updated("2025-03-03T10:45:00-05:00", new CaseChanges { Priority = "Urgent" });

        var breached = Assert.Single(Facts(s, "2025-03-03T12:00:00-05:00").Milestones);

        Assert.Equal((MilestoneFactStatus.Violated, At("2025-03-03T10:30:00-05:00"), "Urgent"), (breached.Status, breached.ViolatedAt, breached.Priority));
    }

    [Fact]
    public void Completed_milestones_keep_the_owner_they_were_met_under_and_open_ones_follow_the_case()
    {
        var s = BusinessHours(FirstResponse(60), FirstResponse(600) with { Name = "Resolution", CompletedBy = ["closed"] })
            .Opened("2025-03-03T10:00:00-05:00")
            .Updated("2025-03-03T10:05:00-05:00", new CaseChanges { Owner = "ana" })
            .AgentReplied("2025-03-03T10:40:00-05:00")
            .Updated("2025-03-03T10:50:00-05:00", new CaseChanges { Owner = "ben" });

        var facts = Facts(s, "2025-03-03T12:00:00-05:00");

        Assert.Equal("ana", facts.Milestones.Single(f => f.Milestone == "First Response").Owner);
        Assert.Equal("ben", facts.Milestones.Single(f => f.Milestone == "Resolution").Owner);
        Assert.Equal(("ben", null, 0), (facts.Case.Owner, facts.Case.ClosedAt, facts.Case.ReopenedCount));
        Assert.Equal(At("2025-03-03T10:40:00-05:00"), facts.Case.FirstResponseAt);
    }

    [Fact]
    public void Facts_are_the_same_across_versions_until_an_event_changes_one()
    {
        var s = BusinessHours(FirstResponse(60)).Opened("2025-03-03T10:00:00-05:00");
        var before = Facts(s, "2025-03-03T10:10:00-05:00", version: 1);

        var noted = Facts(s.Add(CaseEventType.CustomerReplied, "2025-03-03T10:10:00-05:00"), "2025-03-03T10:20:00-05:00", version: 2);
        var answered = Facts(s.AgentReplied("2025-03-03T10:30:00-05:00"), "2025-03-03T10:40:00-05:00", version: 3);

        Assert.True(noted.SameAs(before));
        Assert.False(answered.SameAs(noted));
    }

    [Fact]
    public void Paused_time_is_counted_and_left_out_of_the_time_to_complete()
    {
        var s = BusinessHours(FirstResponse(60)).Opened("2025-03-03T10:00:00-05:00")
            .Updated("2025-03-03T10:10:00-05:00", new CaseChanges { Status = "Waiting on Customer" })
            .Updated("2025-03-03T10:40:00-05:00", new CaseChanges { Status = "Working" })
            .AgentReplied("2025-03-03T11:20:00-05:00");

        var f = Assert.Single(Facts(s, "2025-03-03T12:00:00-05:00").Milestones);

        Assert.Equal(MilestoneFactStatus.Met, f.Status);
        Assert.Equal(At("2025-03-03T11:30:00-05:00"), f.TargetAt);
        Assert.Equal(30 * 60, f.PausedSeconds);
        Assert.Equal(50 * 60, f.SecondsToComplete);
    }

    [Fact]
    public void A_priority_change_moves_the_target_and_the_queue_and_owner_are_those_at_the_outcome()
    {
        var timed = FirstResponse(240) with { MinutesByPriority = new Dictionary<string, int> { ["Urgent"] = 30 } };
        var s = BusinessHours(timed).Opened("2025-03-03T10:00:00-05:00")
            .Updated("2025-03-03T10:05:00-05:00", new CaseChanges { Priority = "Urgent", Queue = "Tier 2", Owner = "ana" })
            .AgentReplied("2025-03-03T10:45:00-05:00")
            .Updated("2025-03-03T11:00:00-05:00", new CaseChanges { Queue = "Tier 3", Owner = "bo" });

        var facts = Facts(s, "2025-03-03T12:00:00-05:00");
        var f = Assert.Single(facts.Milestones);

        Assert.Equal(At("2025-03-03T10:30:00-05:00"), f.TargetAt);
        Assert.Equal(MilestoneFactStatus.MetLate, f.Status);
        Assert.Equal(15 * 60, f.OverdueSeconds);
        Assert.Equal(("Tier 2", "ana", "Urgent"), (f.Queue, f.Owner, f.Priority));
        Assert.Equal(("Tier 3", "bo"), (facts.Case.Queue, facts.Case.Owner)); // the case fact is the case now
    }

    [Fact]
    public void A_late_event_that_happened_before_the_target_turns_a_violation_into_met()
    {
        var s = BusinessHours(FirstResponse(60)).Opened("2025-03-03T10:00:00-05:00");
        var before = Assert.Single(Facts(s, "2025-03-03T12:00:00-05:00", version: 2).Milestones);

        s.AgentReplied("2025-03-03T10:50:00-05:00"); // arrives at 12:00, happened at 10:50
        var after = Assert.Single(Facts(s, "2025-03-03T12:00:00-05:00", version: 3).Milestones);

        Assert.Equal(MilestoneFactStatus.Violated, before.Status);
        Assert.Equal(MilestoneFactStatus.Met, after.Status);
        Assert.Equal(50 * 60, after.SecondsToComplete);
        Assert.Equal(3, after.CaseVersion);
    }

    [Fact]
    public void Business_time_across_the_DST_change_counts_business_seconds_only()
    {
        // Friday 16:00 EST; two business hours land on Monday 10:00 EDT, after the clocks went forward.
        var s = BusinessHours(FirstResponse(120)).Opened("2025-03-07T16:00:00-05:00").AgentReplied("2025-03-10T10:30:00-04:00");

        var f = Assert.Single(Facts(s, "2025-03-10T12:00:00-04:00").Milestones);

        Assert.Equal(At("2025-03-10T10:00:00-04:00"), f.TargetAt);
        Assert.Equal(MilestoneFactStatus.MetLate, f.Status);
        Assert.Equal(150 * 60, f.SecondsToComplete);
        Assert.Equal(30 * 60, f.OverdueSeconds);
    }

    [Fact]
    public void Closing_completes_and_reopening_counts_on_the_case_fact()
    {
        var s = BusinessHours(FirstResponse(60)).Opened("2025-03-03T10:00:00-05:00")
            .Add(CaseEventType.Closed, "2025-03-03T10:30:00-05:00")
            .Add(CaseEventType.Reopened, "2025-03-03T11:00:00-05:00")
            .Add(CaseEventType.Closed, "2025-03-03T11:30:00-05:00");

        var facts = Facts(s, "2025-03-03T12:00:00-05:00");

        Assert.Equal(MilestoneFactStatus.Met, Assert.Single(facts.Milestones).Status);
        Assert.Equal(1, facts.Case.ReopenedCount);
        Assert.Equal(At("2025-03-03T11:30:00-05:00"), facts.Case.ClosedAt);
        Assert.Null(facts.Case.FirstResponseAt);
    }

    [Fact]
    public void A_case_that_entered_no_process_has_a_case_fact_and_no_milestone_facts()
    {
        var s = BusinessHours(FirstResponse(60));
        s.Decision = null;
        s.Opened("2025-03-03T10:00:00-05:00");

        var facts = Facts(s, "2025-03-03T12:00:00-05:00");

        Assert.Empty(facts.Milestones);
        Assert.Null(facts.Case.ProcessId);
    }
}
