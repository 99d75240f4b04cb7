using NodaTime;
using SlaGrains.Domain.Cases;
using SlaGrains.Domain.Processes;
using SlaGrains.Domain.Validation;

namespace SlaGrains.Domain.Tests.Cases;

/// <summary>How big one case may grow, and how much of a recurring milestone's history a snapshot lists.</summary>
public sealed class CaseLimitsTests
{
    private static readonly ProcessDefinition Process = Scenario.ProcessWith(
        Scenario.FirstResponse(),
        new MilestoneDefinition
        {
            Name = "Next Response",
            Minutes = 30,
            Recurrence = Recurrence.Independent,
            StartedBy = ["customerReplied"],
            CompletedBy = ["agentReplied"],
        });

    [Fact]
    public void A_case_takes_events_up_to_the_limit_and_refuses_the_next_naming_the_case_and_the_limit()
    {
        var limits = new Limits { EventsPerCase = 3 };

        Assert.True(CaseEventValidator.ValidateRoomForEvent(2, limits).IsValid);
        var full = CaseEventValidator.ValidateRoomForEvent(3, limits).ToDictionary();

        var message = Assert.Single(full["caseId"]);
        Assert.Contains("Sla:Limits:EventsPerCase is 3", message, StringComparison.Ordinal);
        Assert.Contains("not stored", message, StringComparison.Ordinal);
        Assert.Equal(10_000, Limits.Default.EventsPerCase);
    }

    [Fact]
    public void The_snapshot_lists_the_open_instance_and_the_latest_ended_ones_and_counts_the_rest_without_changing_any_answer()
    {
        var scenario = History(replies: 40);
        var asOf = scenario.Events[^1].OccurredAt + Duration.FromMinutes(5);
        var all = scenario.Evaluate(asOf);
        var trimmed = CaseTimeline.Evaluate(Input(scenario, shown: 3), asOf);

        var next = trimmed.Snapshot.Milestones.Where(m => m.Name == "Next Response").Select(m => m.Instance).ToList();
        Assert.Equal([38, 39, 40, 41], next); // three ended, and the open one
        Assert.Equal(MilestoneStatus.InProgress, trimmed.Snapshot.Milestones.Single(m => m.Instance == 41).Status);
        Assert.Equal(37, trimmed.Snapshot.OmittedInstances["next-response"]);
        Assert.False(trimmed.Snapshot.OmittedInstances.ContainsKey("first-response"));
        foreach (var shown in trimmed.Snapshot.Milestones)
        {
            Assert.Equal(all.Snapshot.Milestones.Single(m => m.Id == shown.Id), shown);
        }
        // Only instance 1 was answered late, and it is left out: the case still reads as having had a violation.
        Assert.Equal(CaseMilestoneStatus.ClosedViolation, all.Snapshot.MilestoneStatus);
        Assert.Equal(all.Snapshot.MilestoneStatus, trimmed.Snapshot.MilestoneStatus);
        Assert.Equal(all.Notifications.Count, trimmed.Notifications.Count);
        Assert.Equal(all.Snapshot.Milestones.Single(m => m.Id == "next-response#1"), trimmed.Milestone("next-response#1"));
        Assert.Null(trimmed.Milestone("next-response#42"));
    }

    [Fact]
    public void Pages_of_a_milestone_read_every_instance_once_in_order()
    {
        var scenario = History(replies: 25);
        var asOf = Scenario.At("2025-03-06T00:00:00Z");
        var all = scenario.Evaluate(asOf).Snapshot.Milestones.Where(m => m.Name == "Next Response").OrderBy(m => m.Instance).ToList();
        var trimmed = CaseTimeline.Evaluate(Input(scenario, shown: 0), asOf);

        var read = new List<MilestoneSnapshot>();
        int? from = 1;
        while (from is { } page)
        {
            var result = trimmed.Instances("next-response", page, 7)!;
            Assert.Equal(26, result.Total);
            Assert.Equal("Next Response", result.Name);
            read.AddRange(result.Instances);
            from = result.Next;
        }
        Assert.Equal(all, read);
        Assert.Empty(trimmed.Instances("next-response", 27, 7)!.Instances);
        Assert.Null(trimmed.Instances("no-such-milestone", 1, 7));
    }

    /// <summary>Opened, then a customer reply every hour answered 10 minutes later, except the first (answered 45 minutes later: late).</summary>
    private static Scenario History(int replies)
    {
        var scenario = new Scenario(Process).Opened("2025-03-03T08:00:00Z");
        var at = Scenario.At("2025-03-03T08:00:00Z");
        for (var i = 0; i < replies; i++)
        {
            at += Duration.FromMinutes(30);
            scenario.Add(CaseEventType.CustomerReplied, Text(at));
            scenario.AgentReplied(Text(at + Duration.FromMinutes(i == 0 ? 45 : 10)));
            at += Duration.FromMinutes(30);
        }
        return scenario.Add(CaseEventType.CustomerReplied, Text(at + Duration.FromMinutes(50)));
    }

    private static CaseTimelineInput Input(Scenario scenario, int shown) => new()
    {
        CaseId = Scenario.CaseId,
        Events = scenario.Events,
        Entitlement = scenario.Decision,
        Process = new ProcessVersion("platinum", 3, Scenario.At("2025-01-01T00:00:00Z"), scenario.Process),
        Calendars = scenario.Calendars,
        InstancesShown = shown,
    };

    private static string Text(Instant at) => NodaTime.Text.InstantPattern.ExtendedIso.Format(at);
}
