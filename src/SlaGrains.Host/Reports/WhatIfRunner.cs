using System.Collections.Concurrent;
using NodaTime;
using SlaGrains.Contracts.Calendars;
using SlaGrains.Contracts.Cases;
using SlaGrains.Contracts.Reports;
using SlaGrains.Domain.Calendars;
using SlaGrains.Domain.Cases;
using SlaGrains.Domain.Processes;
using SlaGrains.Domain.Reports;
using SlaGrains.Grains.Calendars;
using SlaGrains.Host.Hosting;

namespace SlaGrains.Host.Reports;

/// <summary>
/// What-if (docs/api.md, "Reports"): the cases with a fact of the process in the period are read from their grains a
/// few at a time and replayed twice by the engine, under the process versions they ran on and under the draft, both as of
/// now, so the two reports differ only by the process. Bounded: at most <see cref="MaxCases"/> cases and <see cref="MaxDuration"/>.
/// </summary>
public sealed class WhatIfRunner(IReportStore store, GrainReferences grains, CompiledCalendars compiled, TimeProvider clock)
{
    public const int MaxCases = 10_000;
    public static readonly TimeSpan MaxDuration = TimeSpan.FromSeconds(60);
    private const int Parallelism = 32;

    /// <summary>Null when more than <see cref="MaxCases"/> cases would be replayed; throws OperationCanceledException past <see cref="MaxDuration"/>.</summary>
    public async Task<(ComplianceReport Actual, ComplianceReport Draft, int Cases)?> Run(ProcessDefinition draft, string processId, ComplianceQuery query,
        IReadOnlyList<Instant> periods, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var ids = await store.CaseIds(query.Filter, MaxCases + 1, cancellationToken);
        if (ids.Count > MaxCases)
        {
            return null;
        }
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(MaxDuration);
        var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        var draftVersion = new ProcessVersion(processId, 0, now, draft);
        var calendars = new ConcurrentDictionary<string, Task<BusinessCalendar?>>(StringComparer.Ordinal);
        var actual = new ConcurrentBag<MilestoneFact>();
        var replayed = new ConcurrentBag<MilestoneFact>();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = budget.Token }, async (caseId, _) =>
        {
            if (await grains.Get<ICaseGrain>(caseId).GetReplay() is not { Process: { } own } replay)
            {
                return;
            }
            foreach (var f in WhatIfReplay.Actual(replay, await Calendars([own, .. replay.MovedTo.Values], replay, calendars), now).Milestones)
            {
                actual.Add(f);
            }
            foreach (var f in WhatIfReplay.Draft(replay, draftVersion, await Calendars([draftVersion], replay, calendars), now).Milestones)
            {
                replayed.Add(f);
            }
        });
        return (ComplianceCalculator.Aggregate(actual, query, periods), ComplianceCalculator.Aggregate(replayed, query, periods), ids.Count);
    }

    /// <summary>The calendars a case reads under <paramref name="versions"/>, each read and compiled once per run.</summary>
    private async Task<Dictionary<string, BusinessCalendar>> Calendars(IEnumerable<ProcessVersion> versions, CaseReplay replay,
        ConcurrentDictionary<string, Task<BusinessCalendar?>> cache)
    {
        var ids = CaseCalendarIds.Of(versions, replay.Entitlement?.CalendarId);
        var result = new Dictionary<string, BusinessCalendar>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (await cache.GetOrAdd(id, async key => await grains.Get<ICalendarGrain>(key).Read() is { } record ? compiled.Get(record) : null) is { } calendar)
            {
                result[id] = calendar;
            }
        }
        return result;
    }
}
