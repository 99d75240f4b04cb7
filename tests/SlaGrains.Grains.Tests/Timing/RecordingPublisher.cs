using System.Collections.Concurrent;
using SlaGrains.Domain.Cases;
using SlaGrains.Grains.Live;

namespace SlaGrains.Grains.Tests.Timing;

/// <summary>The tests' publisher: records every notice and case change, and can refuse deliveries to test retries.</summary>
public sealed class RecordingPublisher : ISlaPublisher
{
    private readonly ConcurrentQueue<FiredNotice> _notices = new();
    private readonly ConcurrentQueue<(CaseSnapshot Snapshot, long Version, IReadOnlyList<string> Left)> _changes = new();
    private readonly ConcurrentDictionary<string, int> _failures = new(StringComparer.Ordinal);

    public IReadOnlyList<SlaNotice> NoticesFor(string caseId) => [.. FiredFor(caseId).Select(f => f.Notice)];

    /// <summary>The case's notices as handed over, with where they go.</summary>
    public IReadOnlyList<FiredNotice> FiredFor(string caseId) => [.. _notices.Where(f => f.Notice.CaseId == caseId)];

    public IReadOnlyList<long> VersionsOf(string caseId) => [.. _changes.Where(c => c.Snapshot.CaseId == caseId).Select(c => c.Version)];

    /// <summary>The case's changes as published: the owner each shows and the indexes each left.</summary>
    public IReadOnlyList<(string? Owner, IReadOnlyList<string> Left)> ChangesOf(string caseId) =>
        [.. _changes.Where(c => c.Snapshot.CaseId == caseId).Select(c => (c.Snapshot.Owner, c.Left))];

    /// <summary>
    /// The case's next <paramref name="count"/> deliveries throw, as a webhook outbox would while its storage is down.
    /// Per case: cases of other tests sharing the clock may fire in the same advance.
    /// </summary>
    public void FailNext(string caseId, int count) => _failures[caseId] = count;

    public Task Notify(FiredNotice fired)
    {
        var caseId = fired.Notice.CaseId;
        if (_failures.TryGetValue(caseId, out var left) && left > 0 && _failures.TryUpdate(caseId, left - 1, left))
        {
            throw new InvalidOperationException("The publisher is down (test).");
        }
        _notices.Enqueue(fired);
        return Task.CompletedTask;
    }

    public Task CaseChanged(CaseSnapshot snapshot, long version, IReadOnlyList<string> left)
    {
        _changes.Enqueue((snapshot, version, left));
        return Task.CompletedTask;
    }

    /// <summary>Waits until the case has received a notice with the id; fails after a bounded real-time wait.</summary>
    public async Task<SlaNotice> WaitFor(string caseId, string deliveryId)
    {
        await Until(() => NoticesFor(caseId).Any(n => n.DeliveryId == deliveryId),
            () => $"No notice '{deliveryId}'; got: {string.Join(", ", NoticesFor(caseId).Select(n => n.DeliveryId))}.");
        return NoticesFor(caseId).First(n => n.DeliveryId == deliveryId);
    }

    /// <summary>Waits until the case has published a change at <paramref name="version"/>: everything before it is settled.</summary>
    public Task WaitForVersion(string caseId, long version) =>
        Until(() => VersionsOf(caseId).Any(v => v >= version),
            () => $"Case {caseId} reached versions {string.Join(", ", VersionsOf(caseId))}, not {version}.");

    private static async Task Until(Func<bool> condition, Func<string> failure)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(failure());
            }
            await Task.Delay(5); // polls an asynchronous effect on real time; the clock under test never moves here
        }
    }
}
