using System.Runtime.CompilerServices;
using NodaTime;
using SlaGrains.Contracts.Reports;
using SlaGrains.Domain.Reports;

namespace SlaGrains.Grains.Reports;

/// <summary>The embedded mode's store: every case's latest facts in this process's memory (gone on restart, like its grain state).</summary>
public sealed class InMemoryReportStore : IReportStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, CaseFacts> _cases = new(StringComparer.Ordinal);
    private long _stamp = DateTime.UtcNow.Ticks; // grows across restarts too, so an ETag from before one never matches after it

    public Task Write(CaseFacts facts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(facts);
        lock (_lock)
        {
            if (!_cases.TryGetValue(facts.CaseId, out var stored) || stored.Version <= facts.Version)
            {
                _cases[facts.CaseId] = facts;
                _stamp++;
            }
        }
        return Task.CompletedTask;
    }

    public Task<ComplianceReport> Compliance(ComplianceQuery query, IReadOnlyList<Instant> periods, CancellationToken cancellationToken = default) =>
        Task.FromResult(ComplianceCalculator.Aggregate(AllFacts(), query, periods));

    public async IAsyncEnumerable<MilestoneFact> Milestones(FactFilter filter, FactCursor? after, int? limit,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var selected = AllFacts().Where(f => filter.Matches(f) && (after is null || FactCursor.Of(f) > after))
            .OrderBy(FactCursor.Of)
            .Take(limit ?? int.MaxValue);
        foreach (var fact in selected)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return fact;
        }
        await Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> CaseIds(FactFilter filter, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        IReadOnlyList<string> ids = [.. AllFacts().Where(filter.Matches).Select(f => f.CaseId).Distinct().Order(StringComparer.Ordinal).Take(limit)];
        return Task.FromResult(ids);
    }

    public Task<long> Stamp(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_stamp);
        }
    }

    /// <summary>A copy of the facts as they stand, so queries never hold the lock while they run.</summary>
    private List<MilestoneFact> AllFacts()
    {
        lock (_lock)
        {
            return [.. _cases.Values.SelectMany(c => c.Milestones)];
        }
    }
}
