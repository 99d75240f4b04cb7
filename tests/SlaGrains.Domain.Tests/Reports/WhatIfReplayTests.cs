using SlaGrains.Domain.Cases;
using SlaGrains.Domain.Processes;
using SlaGrains.Domain.Reports;
using SlaGrains.Domain.Tests.Cases;
using static SlaGrains.Domain.Tests.Cases.Scenario;

namespace SlaGrains.Domain.Tests.Reports;

public sealed class WhatIfReplayTests
{
    private static readonly ProcessVersion Pinned = new("platinum", 3, At("2025-01-01T00:00:00Z"), ProcessWith(FirstResponse(60)));

    private static CaseReplay Replay(Scenario s, params CaseEvent[] written) =>
        new(CaseId, [.. s.Events, .. written], s.Decision, null, Pinned);

    [Fact]
    public void Under_its_own_process_a_case_replays_to_its_actual_facts()
    {
        var s = new Scenario(ProcessWith(FirstResponse(60))).Opened("2025-03-03T10:00:00Z").AgentReplied("2025-03-03T11:30:00Z");
        var now = At("2025-03-04T00:00:00Z");

        var replayed = WhatIfReplay.Actual(Replay(s), s.Calendars, now);

        Assert.Equal(ReportFacts.From(s.Engine().Evaluate(now), 0).Milestones, replayed.Milestones);
        Assert.Equal(MilestoneFactStatus.MetLate, replayed.Milestones.Single().Status);
    }

    [Fact]
    public void Under_a_draft_the_targets_and_escalations_are_the_drafts_not_those_the_case_wrote()
    {
        var s = new Scenario(ProcessWith(FirstResponse(60))).Opened("2025-03-03T10:00:00Z").AgentReplied("2025-03-03T11:30:00Z");
        var written = new CaseEvent // an escalation the case wrote under its own process: not part of the replay
        {
            EventId = "case-1/first-response#1/violation/0m/escalate/0", Type = CaseEventType.Escalated, OccurredAt = At("2025-03-03T11:00:00Z"),
            Changes = new CaseChanges { Queue = "Escalations" },
        };
        var draft = new ProcessVersion("platinum", 0, At("2025-03-04T00:00:00Z"), ProcessWith(FirstResponse(120) with
        {
            Actions = [new ActionDefinition { When = ActionTrigger.Success, Type = ActionType.Escalate, SetQueue = "Praise" }],
        }));

        var facts = WhatIfReplay.Draft(Replay(s, written), draft, s.Calendars, At("2025-03-04T00:00:00Z"));

        // Met by the queue that had the case then; the draft's success action moved the case on afterwards.
        var fact = facts.Milestones.Single();
        Assert.Equal((MilestoneFactStatus.Met, At("2025-03-03T12:00:00Z"), "Tier 1", 0), (fact.Status, fact.TargetAt!.Value, fact.Queue, fact.ProcessVersion));
        Assert.Equal("Praise", facts.Case.Queue);
    }

    private static readonly ProcessVersion Moved = new("platinum", 4, At("2025-02-01T00:00:00Z"), ProcessWith(FirstResponse(20)));

    /// <summary>Opened 10:00 on version 3 (60 minutes), moved at 10:10 to version 4 (20 minutes), replied 10:40.</summary>
    private static CaseReplay MovedCase(out Scenario scenario)
    {
        scenario = new Scenario(ProcessWith(FirstResponse(60))).Opened("2025-03-03T10:00:00Z");
        var move = new CaseEvent { EventId = "move", Type = CaseEventType.ProcessMoved, OccurredAt = At("2025-03-03T10:10:00Z"), ProcessVersion = 4 };
        scenario.AgentReplied("2025-03-03T10:40:00Z");
        return Replay(scenario, move) with { MovedTo = new Dictionary<int, ProcessVersion> { [4] = Moved } };
    }

    [Fact]
    public void A_case_moved_to_another_version_replays_to_its_actual_facts_under_both_versions()
    {
        var replay = MovedCase(out var s);
        var now = At("2025-03-04T00:00:00Z");

        var fact = WhatIfReplay.Actual(replay, s.Calendars, now).Milestones.Single();

        // Version 4's 20 minutes from the start at 10:00: due 10:20, replied 10:40, met late, as the case itself says.
        Assert.Equal((MilestoneFactStatus.MetLate, At("2025-03-03T10:20:00Z"), 4), (fact.Status, fact.TargetAt!.Value, fact.ProcessVersion));
    }

    [Fact]
    public void Under_a_draft_a_moved_case_runs_the_draft_from_its_start()
    {
        var replay = MovedCase(out var s);
        var draft = new ProcessVersion("platinum", 0, At("2025-03-04T00:00:00Z"), ProcessWith(FirstResponse(45)));

        var fact = WhatIfReplay.Draft(replay, draft, s.Calendars, At("2025-03-04T00:00:00Z")).Milestones.Single();

        // The draft's 45 minutes from 10:00, not version 4's 20 minutes after the move: met on time.
        Assert.Equal((MilestoneFactStatus.Met, At("2025-03-03T10:45:00Z"), 0), (fact.Status, fact.TargetAt!.Value, fact.ProcessVersion));
    }
}
