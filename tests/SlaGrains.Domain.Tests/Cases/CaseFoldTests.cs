using System.Collections.Immutable;
using System.Text;
using NodaTime;
using SlaGrains.Domain.Cases;
using SlaGrains.Domain.Processes;

namespace SlaGrains.Domain.Tests.Cases;

/// <summary>
/// A case grain keeps its fold alive and appends each new event, in whatever order they arrive; whatever the history,
/// that must read exactly as a full evaluation of the same events would, at every instant.
/// </summary>
public sealed class CaseFoldTests
{
    private static readonly ProcessDefinition Process = Scenario.ProcessWith(
        Scenario.FirstResponse() with
        {
            Warnings = [new WarningDefinition { AtPercent = 75 }],
            Actions =
            [
                new ActionDefinition { When = ActionTrigger.Violation, Type = ActionType.Webhook },
                new ActionDefinition { When = ActionTrigger.Violation, Type = ActionType.Escalate, OffsetMinutes = 30, SetPriority = "Urgent" },
            ],
        },
        new MilestoneDefinition
        {
            Name = "Next Response",
            Minutes = 60,
            MinutesByPriority = new Dictionary<string, int> { ["High"] = 30, ["Low"] = 240 },
            Recurrence = Recurrence.Independent,
            StartedBy = ["customerReplied"],
            CompletedBy = ["agentReplied"],
            CalendarId = "us-east",
            Warnings = [new WarningDefinition { BeforeTargetMinutes = 10 }],
        },
        new MilestoneDefinition
        {
            Name = "Follow-up",
            Minutes = 45,
            Recurrence = Recurrence.Sequential,
            StartedBy = ["updated"],
            CompletedBy = ["customerReplied"],
            Criteria = new Dictionary<string, IReadOnlyList<string>> { ["priority"] = ["High", "Urgent"] },
        });

    [Fact]
    public void Appending_events_one_by_one_reads_as_a_full_evaluation_at_every_instant_between_them()
    {
        var compared = 0;
        for (var seed = 1; seed <= 300; seed++)
        {
            var random = new Random(seed);
            var scenario = RandomHistory(random);
            var events = scenario.Events;
            var fold = new CaseFold(Input(scenario));
            for (var k = 0; k < events.Count; k++)
            {
                fold.Append(events[k]);
                var next = k + 1 < events.Count ? events[k + 1].OccurredAt : events[k].OccurredAt + Duration.FromDays(3);
                if (next == events[k].OccurredAt)
                {
                    continue; // a tie: the full evaluation at this instant already includes the next event
                }
                var asOf = events[k].OccurredAt + Duration.FromSeconds(random.NextInt64((next - events[k].OccurredAt).BclCompatibleTicks / NodaConstants.TicksPerSecond));
                Assert.True(
                    Describe(scenario.Evaluate(asOf)) == Describe(fold.Evaluate(asOf)),
                    $"seed {seed}, after event {k} ({events[k].Type}), as of {asOf}:\nfull: {Describe(scenario.Evaluate(asOf))}\nfold: {Describe(fold.Evaluate(asOf))}");
                compared++;
            }
        }
        Assert.True(compared > 3000, $"only {compared} comparisons");
    }

    [Fact]
    public void Events_arriving_late_read_as_a_full_evaluation_of_what_arrived()
    {
        var late = 0;
        for (var seed = 1; seed <= 300; seed++)
        {
            var random = new Random(seed);
            var scenario = RandomHistory(random);
            var history = scenario.Events;
            // Arrival order: 'opened' first (a case exists from it), then each event possibly held back behind up to 12 later ones.
            var arrivals = history.Select((e, i) => (Event: e, Key: i == 0 ? -1 : i + (random.Next(3) == 0 ? random.NextDouble() * 12 : 0)))
                .OrderBy(a => a.Key).Select(a => a.Event).ToList();
            var every = random.Next(1, 6);
            var fold = new CaseFold(Input(scenario), every);
            var arrived = new List<CaseEvent>();
            foreach (var e in arrivals)
            {
                late += arrived.Count > 0 && e.OccurredAt < arrived.Max(a => a.OccurredAt) ? 1 : 0;
                arrived.Add(e);
                fold.Append(e);
                var asOf = arrived.Max(a => a.OccurredAt) + Duration.FromMinutes(random.Next(0, 90));
                var full = CaseTimeline.Evaluate(Input(scenario) with { Events = [.. arrived] }, asOf);
                Assert.True(
                    Describe(full) == Describe(fold.Evaluate(asOf)),
                    $"seed {seed}, a checkpoint every {every}, {arrived.Count} arrived, the last {e.EventId}, as of {asOf}:\nfull: {Describe(full)}\nfold: {Describe(fold.Evaluate(asOf))}");
            }
        }
        Assert.True(late > 500, $"only {late} late events");
    }

    [Fact]
    public void A_case_fed_newest_first_ends_exactly_as_one_fed_in_order_and_as_a_fresh_fold()
    {
        for (var seed = 1; seed <= 100; seed++)
        {
            var random = new Random(seed);
            var scenario = RandomHistory(random, events: random.Next(40, 400), ties: false); // ties would keep arrival order
            var history = scenario.Events;
            var newestFirst = new CaseFold(Input(scenario), checkpointEvery: random.Next(1, 40));
            newestFirst.Append(history[0]);
            foreach (var e in history.Skip(1).Reverse())
            {
                newestFirst.Append(e);
            }
            var inOrder = new CaseFold(Input(scenario));
            foreach (var e in history)
            {
                inOrder.Append(e);
            }
            var asOf = history[^1].OccurredAt + Duration.FromHours(random.Next(0, 72));
            var fresh = Describe(scenario.Evaluate(asOf));
            Assert.Equal(fresh, Describe(inOrder.Evaluate(asOf)));
            Assert.Equal(fresh, Describe(newestFirst.Evaluate(asOf)));
        }
    }

    [Fact]
    public void Evaluating_as_of_an_instant_inside_the_history_reads_only_the_events_up_to_it()
    {
        for (var seed = 1; seed <= 100; seed++)
        {
            var random = new Random(seed);
            var scenario = RandomHistory(random, events: random.Next(3, 200));
            var fold = new CaseFold(Input(scenario), checkpointEvery: random.Next(1, 10));
            foreach (var e in scenario.Events)
            {
                fold.Append(e);
            }
            for (var k = 0; k < 5; k++)
            {
                var first = scenario.Events[0].OccurredAt - Duration.FromHours(1);
                var span = (scenario.Events[^1].OccurredAt - first).BclCompatibleTicks / NodaConstants.TicksPerSecond;
                var asOf = first + Duration.FromSeconds(random.NextInt64(span + 1) / 60 * 60); // whole minutes: lands on events too
                Assert.True(Describe(scenario.Evaluate(asOf)) == Describe(fold.Evaluate(asOf)), $"seed {seed}, as of {asOf}");
            }
        }
    }

    [Fact]
    public void Evaluating_does_not_mark_violations_that_a_completion_at_the_target_instant_avoids()
    {
        // Evaluated exactly at the target, the milestone reads violated; an agent reply at that same instant is still on time.
        var scenario = new Scenario(Process, ("us-east", Scenario.UsEastHours())).Opened("2025-03-03T10:00:00-05:00");
        var fold = new CaseFold(Input(scenario));
        fold.Append(scenario.Events[0]);
        var target = Scenario.At("2025-03-03T11:00:00-05:00");
        Assert.Equal(MilestoneStatus.Violated, fold.Evaluate(target).Snapshot.Milestones.Single(m => m.Name == "First Response").Status);

        scenario.AgentReplied("2025-03-03T11:00:00-05:00");
        fold.Append(scenario.Events[1]);

        Assert.Equal(MilestoneStatus.Completed, fold.Evaluate(target).Snapshot.Milestones.Single(m => m.Name == "First Response").Status);
        Assert.Equal(Describe(scenario.Evaluate(target)), Describe(fold.Evaluate(target)));
    }

    private static CaseTimelineInput Input(Scenario scenario) => new()
    {
        CaseId = Scenario.CaseId,
        Events = [],
        Entitlement = scenario.Decision,
        Process = new ProcessVersion("platinum", 3, Scenario.At("2025-01-01T00:00:00Z"), scenario.Process),
        Calendars = scenario.Calendars,
    };

    private static Scenario RandomHistory(Random random, int? events = null, bool ties = true)
    {
        var scenario = new Scenario(Process, ("us-east", Scenario.UsEastHours()));
        var at = Scenario.At("2025-03-07T15:30:00-05:00").Plus(Duration.FromMinutes(random.Next(0, 600))); // a Friday, into the weekend
        scenario.Opened(Text(at), priority: random.Next(2) == 0 ? "High" : "Low");
        var count = events ?? random.Next(3, 40);
        for (var i = 0; i < count; i++)
        {
            at += Duration.FromMinutes(random.Next(ties ? 0 : 1, 5) * 20);
            var when = Text(at);
            switch (random.Next(11))
            {
                case 0: scenario.Updated(when, new CaseChanges { Priority = random.Next(2) == 0 ? "High" : "Low" }); break;
                case 1: scenario.Updated(when, new CaseChanges { Status = "Waiting on Customer" }); break;
                case 2: scenario.Updated(when, new CaseChanges { Status = "Working", CustomFields = ImmutableDictionary<string, string?>.Empty.Add("n", $"{i}") }); break;
                case 3: scenario.AgentReplied(when, isPublic: random.Next(4) != 0); break;
                case 4 or 5: scenario.Add(CaseEventType.CustomerReplied, when); break;
                case 6: scenario.Add(CaseEventType.Stopped, when); break;
                case 7: scenario.Add(CaseEventType.Resumed, when); break;
                case 8: scenario.Add(CaseEventType.Closed, when); break;
                case 9: scenario.Add(CaseEventType.Reopened, when); break;
                default: scenario.Add(CaseEventType.MilestoneCompleted, when, e => e with { Milestone = "First Response" }); break;
            }
        }
        return scenario;
    }

    private static string Text(Instant at) => NodaTime.Text.InstantPattern.ExtendedIso.Format(at);

    /// <summary>Everything an evaluation says, as text: records compare their lists by reference, not by content.</summary>
    private static string Describe(CaseEvaluation evaluation)
    {
        var text = new StringBuilder();
        text.AppendLine((evaluation.Snapshot with { Milestones = [], OmittedInstances = new Dictionary<string, int>() }).ToString());
        text.AppendJoin(", ", evaluation.Snapshot.OmittedInstances.OrderBy(o => o.Key, StringComparer.Ordinal)).AppendLine();
        foreach (var milestone in evaluation.Snapshot.Milestones)
        {
            text.AppendLine(milestone.ToString());
        }
        foreach (var notification in evaluation.Notifications)
        {
            text.AppendLine((notification with { Actions = [] }).ToString()).Append(" actions ").AppendJoin(", ", notification.Actions).AppendLine();
        }
        return text.ToString();
    }
}
