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

        var replayed = WhatIfReplay.Facts(Replay(s), Pinned, s.Calendars, now);

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

        var facts = WhatIfReplay.Facts(Replay(s, written), draft, s.Calendars, At("2025-03-04T00:00:00Z"));

        // Met by the queue that had the case then; the draft's success action moved the case on afterwards.
        var fact = facts.Milestones.Single();
        Assert.Equal((MilestoneFactStatus.Met, At("2025-03-03T12:00:00Z"), "Tier 1", 0), (fact.Status, fact.TargetAt!.Value, fact.Queue, fact.ProcessVersion));
        Assert.Equal("Praise", facts.Case.Queue);
    }
}
