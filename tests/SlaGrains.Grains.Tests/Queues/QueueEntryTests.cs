using NodaTime;
using SlaGrains.Contracts.Queues;
using SlaGrains.Domain.Cases;

namespace SlaGrains.Grains.Tests.Queues;

/// <summary>What makes a case send its queue row again (<see cref="QueueEntry.ShowsTheSameAs"/>).</summary>
public sealed class QueueEntryTests
{
    private static readonly Instant At = Instant.FromUtc(2025, 3, 3, 9, 0);

    private static MilestoneSnapshot Milestone(string id, MilestoneStatus status = MilestoneStatus.InProgress, long remaining = 3600, long? warning = 600) => new()
    {
        Id = id,
        Name = id,
        Instance = 1,
        Status = status,
        IsViolated = status == MilestoneStatus.Violated,
        StartedAt = At,
        TargetAt = At + Duration.FromHours(2),
        TargetSeconds = 7200,
        ElapsedSeconds = 7200 - remaining,
        RemainingSeconds = remaining,
        OverdueSeconds = 0,
        PausedSeconds = 0,
        ActualElapsedSeconds = 7200 - remaining,
        ClockRunning = status == MilestoneStatus.InProgress,
        WarningSeconds = warning,
    };

    private static CaseSnapshot Case(params MilestoneSnapshot[] milestones) => new()
    {
        CaseId = "c1",
        AsOf = At,
        Subject = "Printer on fire",
        Priority = "High",
        Status = "New",
        Queue = "Tier 1",
        Owner = "ana",
        Closed = false,
        IsStopped = false,
        MilestoneStatus = CaseMilestoneStatus.Compliant,
        Milestones = milestones,
    };

    [Fact]
    public void A_row_is_built_from_the_snapshot_with_its_open_milestones_and_nearest_deadline()
    {
        var done = Milestone("resolution") with { Status = MilestoneStatus.Completed, ClockRunning = false };
        var open = Milestone("first-response");

        var row = QueueEntry.Of(Case(done, open), version: 7);

        Assert.Equal(("c1", "Printer on fire", "High", "Tier 1", "ana", 7L), (row.CaseId, row.Subject, row.Priority, row.Queue, row.Owner, row.Version));
        Assert.Equal(open, Assert.Single(row.OpenMilestones));
        Assert.Equal(open.TargetAt, row.DeadlineAt);
    }

    [Fact]
    public void Time_passing_and_changes_a_row_does_not_show_leave_it_the_same()
    {
        var row = QueueEntry.Of(Case(Milestone("first-response", remaining: 3600)), version: 1);

        // Later, with a custom field or a reply recorded: the clock moved, nothing the row shows did.
        var later = Case(Milestone("first-response", remaining: 3000)) with { AsOf = At + Duration.FromMinutes(10), AccountId = "acme" };

        Assert.True(row.ShowsTheSameAs(later));
    }

    public static TheoryData<string> Changes => ["subject", "priority", "status", "queue", "owner", "stopped", "milestone status", "milestone paused", "target", "warning", "milestone added", "milestone closed"];

    [Theory]
    [MemberData(nameof(Changes))]
    public void A_change_of_anything_a_row_shows_makes_it_differ(string change)
    {
        var milestone = Milestone("first-response");
        var before = Case(milestone);
        var row = QueueEntry.Of(before, version: 1);

        var after = change switch
        {
            "subject" => before with { Subject = "Printer still on fire" },
            "priority" => before with { Priority = "Urgent" },
            "status" => before with { Status = "Pending" },
            "queue" => before with { Queue = "Tier 2" },
            "owner" => before with { Owner = "bo" },
            "stopped" => before with { IsStopped = true },
            "milestone status" => before with { MilestoneStatus = CaseMilestoneStatus.OpenViolation },
            "milestone paused" => Case(milestone with { Status = MilestoneStatus.Paused, ClockRunning = false }),
            "target" => Case(milestone with { TargetAt = milestone.TargetAt + Duration.FromHours(1) }),
            "warning" => Case(Milestone("first-response", remaining: 500)), // inside its 600 s warning window now
            "milestone added" => Case(milestone, Milestone("resolution")),
            "milestone closed" => Case(milestone with { Status = MilestoneStatus.Completed, ClockRunning = false }),
            _ => throw new ArgumentOutOfRangeException(nameof(change)),
        };

        Assert.False(row.ShowsTheSameAs(after));
    }
}
