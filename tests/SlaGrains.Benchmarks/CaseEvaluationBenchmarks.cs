using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using NodaTime;
using SlaGrains.Domain.Calendars;
using SlaGrains.Domain.Cases;
using SlaGrains.Domain.Processes;

namespace SlaGrains.Benchmarks;

/// <summary>docs/benchmarks.md, "Clock arithmetic (engine)": full evaluation of a case with 5 milestones and 50 events ≤ 50 µs.</summary>
[MemoryDiagnoser]
public class CaseEvaluationBenchmarks
{
    private CaseTimelineInput _input = null!;
    private CaseFold _fold = null!;
    private Instant _asOf;

    [GlobalSetup]
    public void Setup()
    {
        var calendar = BusinessCalendar.FromDefinition(new CalendarDefinition
        {
            TimeZone = "Europe/Berlin",
            Weekly = new WeeklySchedule
            {
                Monday = [new("08:00", "18:00")], Tuesday = [new("08:00", "18:00")], Wednesday = [new("08:00", "18:00")],
                Thursday = [new("08:00", "18:00")], Friday = [new("08:00", "18:00")],
            },
        });
        var warn = new[] { new WarningDefinition { BeforeTargetMinutes = 15 }, new WarningDefinition { AtPercent = 75 } };
        var actions = new[]
        {
            new ActionDefinition { When = ActionTrigger.Warning, Type = ActionType.Webhook },
            new ActionDefinition { When = ActionTrigger.Violation, Type = ActionType.Webhook },
            new ActionDefinition { When = ActionTrigger.Violation, Type = ActionType.Escalate, OffsetMinutes = 60, SetQueue = "Tier 2" },
        };
        var process = new ProcessDefinition
        {
            Name = "Benchmark",
            CalendarId = "berlin",
            PausedStatuses = ["Waiting on Customer"],
            Milestones =
            [
                new MilestoneDefinition { Name = "First Response", Minutes = 240, MinutesByPriority = new Dictionary<string, int> { ["High"] = 60 }, CompletedBy = ["agentReplied"], Warnings = warn, Actions = actions },
                new MilestoneDefinition { Name = "Response", Minutes = 120, Recurrence = Recurrence.Independent, CompletedBy = ["agentReplied"], StartedBy = ["customerReplied"], Warnings = warn, Actions = actions },
                new MilestoneDefinition { Name = "Update", Minutes = 480, Recurrence = Recurrence.Sequential, CompletedBy = ["agentReplied"], StartedBy = ["customerReplied"], Warnings = warn },
                new MilestoneDefinition { Name = "High Priority Review", Minutes = 90, Criteria = new Dictionary<string, IReadOnlyList<string>> { ["priority"] = ["High", "Urgent"] }, Warnings = warn },
                new MilestoneDefinition { Name = "Resolution", Minutes = 2400, Warnings = warn, Actions = actions },
            ],
        };

        var start = Instant.FromUtc(2025, 3, 3, 8, 0);
        var events = new List<CaseEvent>
        {
            new() { EventId = "e0", Type = CaseEventType.Opened, OccurredAt = start, Case = new CaseFields { AccountId = "acme", EntitlementId = "gold", Priority = "Medium", Status = "New", CustomFields = ImmutableDictionary<string, string>.Empty } },
        };
        for (var i = 1; i < 50; i++)
        {
            var at = start + Duration.FromMinutes(37 * i);
            events.Add((i % 7) switch
            {
                0 => new CaseEvent { EventId = $"e{i}", Type = CaseEventType.Updated, OccurredAt = at, Changes = new CaseChanges { Status = "Waiting on Customer" } },
                1 => new CaseEvent { EventId = $"e{i}", Type = CaseEventType.Updated, OccurredAt = at, Changes = new CaseChanges { Status = "Working" } },
                2 or 4 => new CaseEvent { EventId = $"e{i}", Type = CaseEventType.CustomerReplied, OccurredAt = at },
                3 or 5 => new CaseEvent { EventId = $"e{i}", Type = CaseEventType.AgentReplied, OccurredAt = at, Public = true },
                _ => new CaseEvent { EventId = $"e{i}", Type = CaseEventType.Updated, OccurredAt = at, Changes = new CaseChanges { Priority = i % 2 == 0 ? "High" : "Medium" } },
            });
        }
        _input = new CaseTimelineInput
        {
            CaseId = "bench-case",
            Events = events,
            Entitlement = new EntitlementDecision("gold", true, "benchmark", "bench"),
            Process = new ProcessVersion("bench", 1, start, process),
            Calendars = new Dictionary<string, BusinessCalendar> { ["berlin"] = calendar },
        };
        _asOf = start + Duration.FromDays(3);
        CaseTimeline.Evaluate(_input, _asOf);
        _fold = new CaseFold(_input);
        foreach (var e in events)
        {
            _fold.Append(e);
        }
    }

    [Benchmark]
    public CaseEvaluation Evaluate5Milestones50Events() => CaseTimeline.Evaluate(_input, _asOf);

    /// <summary>What a case grain pays per event once its fold is kept: evaluating the same case without refolding.</summary>
    [Benchmark]
    public CaseEvaluation EvaluateKeptFold5Milestones50Events() => _fold.Evaluate(_asOf);
}
