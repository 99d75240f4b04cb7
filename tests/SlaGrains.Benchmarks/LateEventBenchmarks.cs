using BenchmarkDotNet.Attributes;
using NodaTime;
using SlaGrains.Domain.Calendars;
using SlaGrains.Domain.Cases;
using SlaGrains.Domain.Processes;

namespace SlaGrains.Benchmarks;

/// <summary>
/// What a case grain's engine work costs for a whole history of events arriving one by one, each appended to the kept
/// fold and evaluated as the grain does after every event: in history order; in batches of 50 that each arrive
/// newest first (an integration's batches racing); and all newest first (each event lands just after <c>opened</c>,
/// the worst place for a late event).
/// </summary>
[MemoryDiagnoser]
public class LateEventBenchmarks
{
    private CaseTimelineInput _input = null!;
    private List<CaseEvent> _inOrder = null!;
    private List<CaseEvent> _newestFirst = null!;
    private List<CaseEvent> _batchesNewestFirst = null!;
    private Instant _now;

    [Params(1000)]
    public int Events { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var process = new ProcessDefinition
        {
            Name = "Benchmark",
            PausedStatuses = ["Waiting on Customer"],
            Milestones =
            [
                new MilestoneDefinition { Name = "First Response", Minutes = 240, CompletedBy = ["agentReplied"] },
                new MilestoneDefinition { Name = "Response", Minutes = 120, Recurrence = Recurrence.Independent, CompletedBy = ["agentReplied"], StartedBy = ["customerReplied"] },
                new MilestoneDefinition { Name = "Resolution", Minutes = 2400 },
            ],
        };
        var start = Instant.FromUtc(2025, 3, 3, 8, 0);
        var opened = new CaseEvent { EventId = "e0", Type = CaseEventType.Opened, OccurredAt = start, Case = new CaseFields { EntitlementId = "gold", Status = "New" } };
        var rest = Enumerable.Range(1, Events - 1).Select(i => (i % 4) switch
        {
            0 => new CaseEvent { EventId = $"e{i}", Type = CaseEventType.Updated, OccurredAt = start + Duration.FromMinutes(7 * i), Changes = new CaseChanges { Status = "Waiting on Customer" } },
            1 => new CaseEvent { EventId = $"e{i}", Type = CaseEventType.CustomerReplied, OccurredAt = start + Duration.FromMinutes(7 * i) },
            2 => new CaseEvent { EventId = $"e{i}", Type = CaseEventType.Updated, OccurredAt = start + Duration.FromMinutes(7 * i), Changes = new CaseChanges { Status = "Working" } },
            _ => new CaseEvent { EventId = $"e{i}", Type = CaseEventType.AgentReplied, OccurredAt = start + Duration.FromMinutes(7 * i), Public = true },
        }).ToList();
        _inOrder = [opened, .. rest];
        _newestFirst = [opened, .. Enumerable.Reverse(rest)];
        _batchesNewestFirst = [opened, .. rest.Chunk(50).SelectMany(batch => batch.Reverse())];
        _now = start + Duration.FromMinutes(7 * Events);
        _input = new CaseTimelineInput
        {
            CaseId = "bench-case",
            Events = [],
            Entitlement = new EntitlementDecision("gold", true, "benchmark", "bench"),
            Process = new ProcessVersion("bench", 1, start, process),
            Calendars = new Dictionary<string, BusinessCalendar>(),
        };
    }

    [Benchmark(Baseline = true)]
    public CaseEvaluation InHistoryOrder() => Feed(_inOrder);

    [Benchmark]
    public CaseEvaluation BatchesOf50NewestFirst() => Feed(_batchesNewestFirst);

    [Benchmark]
    public CaseEvaluation NewestFirst() => Feed(_newestFirst);

    private CaseEvaluation Feed(List<CaseEvent> arrivals)
    {
        var fold = new CaseFold(_input);
        CaseEvaluation last = null!;
        foreach (var e in arrivals)
        {
            fold.Append(e);
            last = fold.Evaluate(_now);
        }
        return last;
    }
}
