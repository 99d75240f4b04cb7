using SlaGrains.Domain.Cases;
using SlaGrains.Domain.Processes;
using static SlaGrains.Domain.Tests.Cases.Scenario;

namespace SlaGrains.Domain.Tests.Cases;

/// <summary>Issue 24: a case moved to another version of its process (docs/semantics.md, "Moving cases to a process version").</summary>
public sealed class ProcessMoveTests
{
    private static MilestoneDefinition Milestone(string name, int minutes) =>
        new() { Name = name, Minutes = minutes, CompletedBy = name == "First Response" ? ["agentReplied"] : null };

    private static readonly ProcessVersion V1 = new("platinum", 1, At("2025-01-01T00:00:00Z"),
        ProcessWith(Milestone("First Response", 60), Milestone("Resolution", 480), Milestone("Triage", 240)));

    private static readonly ProcessVersion V2 = new("platinum", 2, At("2025-02-01T00:00:00Z"),
        ProcessWith(Milestone("First Response", 15), Milestone("Resolution", 120), Milestone("Follow Up", 30)));

    private static CaseTimelineInput Moved()
    {
        var scenario = new Scenario(V1.Definition).Opened("2025-03-03T09:00:00Z").AgentReplied("2025-03-03T09:20:00Z");
        return new CaseTimelineInput
        {
            CaseId = CaseId,
            Events = [.. scenario.Events, new CaseEvent { EventId = "move", Type = CaseEventType.ProcessMoved, OccurredAt = At("2025-03-03T09:30:00Z"), ProcessVersion = 2 }],
            Entitlement = scenario.Decision,
            Process = V1,
            ProcessVersions = new Dictionary<int, ProcessVersion> { [2] = V2 },
        };
    }

    private static MilestoneSnapshot Find(CaseSnapshot snapshot, string id) => snapshot.Milestones.Single(m => m.Id == id);

    [Fact]
    public void Open_milestones_follow_the_new_version_from_their_start_and_completed_ones_stay()
    {
        var after = CaseTimeline.Evaluate(Moved(), At("2025-03-03T10:00:00Z")).Snapshot;

        Assert.Equal(2, after.ProcessVersion);
        // Replied at 09:20: on time under version 1 (due 10:00); version 2's 15 minutes do not rewrite that.
        Assert.Equal(MilestoneStatus.Completed, Find(after, "first-response#1").Status);
        // Still open at the move: 120 minutes from its start at 09:00, no longer 480.
        Assert.Equal(At("2025-03-03T11:00:00Z"), Find(after, "resolution#1").TargetAt);
        Assert.Equal(MilestoneStatus.InProgress, Find(after, "resolution#1").Status);
        // New in version 2: starts at the move.
        Assert.Equal(At("2025-03-03T10:00:00Z"), Find(after, "follow-up#1").TargetAt);
        // Gone from version 2: canceled at the move.
        Assert.Equal(MilestoneStatus.Canceled, Find(after, "triage#1").Status);
    }

    [Fact]
    public void The_case_as_of_before_the_move_is_what_version_1_alone_gives()
    {
        var moved = Moved();
        var unmoved = moved with { Events = [.. moved.Events.Where(e => e.Type != CaseEventType.ProcessMoved)] };

        var before = CaseTimeline.Evaluate(moved, At("2025-03-03T09:25:00Z")).Snapshot;

        Assert.Equal(1, before.ProcessVersion);
        Assert.Equal(At("2025-03-03T17:00:00Z"), Find(before, "resolution#1").TargetAt);
        Assert.DoesNotContain(before.Milestones, m => m.Id == "follow-up#1");
        Assert.Equivalent(CaseTimeline.Evaluate(unmoved, At("2025-03-03T09:25:00Z")).Snapshot, before, strict: true);
    }

    [Fact]
    public void A_fold_appending_the_move_equals_a_fresh_evaluation_of_the_whole_history()
    {
        var moved = Moved();
        var engine = new CaseEngine(moved with { Events = [.. moved.Events.Where(e => e.Type != CaseEventType.ProcessMoved)] });
        engine.Append(moved.Events[^1]);

        Assert.Equivalent(CaseTimeline.Evaluate(moved, At("2025-03-03T10:00:00Z")).Snapshot, engine.Evaluate(At("2025-03-03T10:00:00Z")).Snapshot, strict: true);
    }

    [Fact]
    public void Clients_cannot_send_a_move_and_the_current_version_is_the_last_move()
    {
        var move = Moved().Events[^1];

        Assert.Contains("type", CaseEventValidator.Validate(move, At("2025-03-03T10:00:00Z")).ToDictionary().Keys);
        Assert.Equal(2, new CaseEngine(Moved()).ProcessVersion!.Version);
        Assert.Equal(1, new CaseEngine(Moved() with { Events = [.. Moved().Events.Take(2)] }).ProcessVersion!.Version);
    }
}
