using NodaTime;
using SlaGrains.Domain.Cases;

namespace SlaGrains.Domain.Tests.Cases;

/// <summary>Which lists an open case is in, and which listing states its milestones are in.</summary>
public sealed class CaseIndexesTests
{
    private static readonly Instant At = Instant.FromUtc(2026, 3, 2, 9, 0);

    [Fact]
    public void An_open_case_is_listed_under_all_its_queue_and_its_owner_and_a_closed_one_nowhere()
    {
        var open = Snapshot() with { Queue = "Tier 1", Owner = "ana" };

        Assert.Equal([CaseIndexes.All, "Tier 1", "owner/ana"], CaseIndexes.Of(open));
        Assert.Equal([CaseIndexes.All], CaseIndexes.Of(Snapshot()));
        Assert.Empty(CaseIndexes.Of(open with { Closed = true }));
        Assert.False(SlaGrains.Domain.Validation.IdRules.IsQueueName(CaseIndexes.Owner("ana")));
        Assert.False(SlaGrains.Domain.Validation.IdRules.IsQueueName(CaseIndexes.All));
    }

    [Fact]
    public void A_case_leaves_the_lists_it_is_no_longer_under_and_none_when_they_are_the_same()
    {
        Assert.Equal(["Tier 1", "owner/ana"], CaseIndexes.Left([CaseIndexes.All, "Tier 1", "owner/ana"], [CaseIndexes.All, "Tier 2"]));
        Assert.Equal([CaseIndexes.All, "Tier 1"], CaseIndexes.Left([CaseIndexes.All, "Tier 1"], [])); // closed
        var unchanged = CaseIndexes.Left([CaseIndexes.All, "Tier 1"], [CaseIndexes.All, "Tier 1"]);
        Assert.Empty(unchanged);
        Assert.IsType<string[]>(unchanged); // sent inside a live change: an array, as Orleans reads it back
    }

    [Fact]
    public void Listing_states_follow_the_open_milestones_and_the_case_clock()
    {
        var early = Milestone(MilestoneStatus.InProgress, remaining: 3600, warning: 900);
        var warned = Milestone(MilestoneStatus.InProgress, remaining: 600, warning: 900);
        var pausedInWindow = Milestone(MilestoneStatus.Paused, remaining: 100, warning: 900);
        var violated = Milestone(MilestoneStatus.Violated, remaining: 0, warning: 900);
        var noWarnings = Milestone(MilestoneStatus.InProgress, remaining: 1, warning: null);

        Assert.False(CaseIndexes.Matches([CaseListState.Warning], [early, noWarnings], isStopped: false));
        Assert.True(CaseIndexes.Matches([CaseListState.Warning], [early, warned], isStopped: false));
        Assert.True(CaseIndexes.Matches([CaseListState.Warning], [pausedInWindow], isStopped: false));
        Assert.False(CaseIndexes.Matches([CaseListState.Warning], [violated], isStopped: false)); // past warning: violated
        Assert.True(CaseIndexes.Matches([CaseListState.Violated], [early, violated], isStopped: false));
        Assert.True(CaseIndexes.Matches([CaseListState.Paused], [pausedInWindow], isStopped: false));
        Assert.False(CaseIndexes.Matches([CaseListState.Paused, CaseListState.Violated], [early], isStopped: false));
        Assert.True(CaseIndexes.Matches([CaseListState.Stopped], [early], isStopped: true));
        Assert.False(CaseIndexes.Matches([CaseListState.Stopped], [early], isStopped: false));
        Assert.True(CaseIndexes.Matches([], [], isStopped: false));
        Assert.Equal([early, violated], CaseIndexes.OpenMilestones(Snapshot() with
        {
            Milestones = [early, Milestone(MilestoneStatus.Completed, 0, null), violated, Milestone(MilestoneStatus.Canceled, 0, null)],
        }));
    }

    private static CaseSnapshot Snapshot() => new()
    {
        CaseId = "c",
        AsOf = At,
        Closed = false,
        IsStopped = false,
        MilestoneStatus = CaseMilestoneStatus.Compliant,
        Milestones = [],
    };

    private static MilestoneSnapshot Milestone(MilestoneStatus status, long remaining, long? warning) => new()
    {
        Id = $"m-{status}-{remaining}",
        Name = "First Response",
        Instance = 1,
        Status = status,
        IsViolated = status == MilestoneStatus.Violated,
        StartedAt = At,
        TargetAt = At + Duration.FromSeconds(remaining),
        TargetSeconds = 3600,
        ElapsedSeconds = 3600 - remaining,
        RemainingSeconds = remaining,
        OverdueSeconds = 0,
        PausedSeconds = 0,
        ActualElapsedSeconds = 3600 - remaining,
        ClockRunning = status == MilestoneStatus.InProgress,
        WarningSeconds = warning,
    };
}
