using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace SlaGrains.Contracts.Queues;

/// <summary>
/// How a queue's index is split: each case belongs to one of <see cref="Count"/> buckets by a hash of its id, so a
/// busy queue's index is written in slices (only the slices that changed, each a fraction of the whole) and its
/// updates spread over the cluster instead of all reaching one grain.
/// </summary>
public static class QueueBuckets
{
    public const int Count = 32;

    /// <summary>The bucket of a case: the same in every process and release (xxHash32 of its id's UTF-16 code units).</summary>
    public static int Of(string caseId) =>
        (int)(XxHash32.HashToUInt32(MemoryMarshal.AsBytes(caseId.AsSpan())) % Count);

    /// <summary>The key of one bucket's grain: the bucket's number first, so no queue name can make two keys alike.</summary>
    public static string Key(string queue, int bucket) => $"{bucket}:{queue}";

    public static string KeyFor(string queue, string caseId) => Key(queue, Of(caseId));

    /// <summary>The queue a bucket's <see cref="Key"/> belongs to.</summary>
    public static string QueueOf(string key) => key[(key.IndexOf(':', StringComparison.Ordinal) + 1)..];

    /// <summary>The order a queue lists its cases in: soonest deadline first, cases without a deadline last.</summary>
    public static IEnumerable<QueueEntry> SoonestFirst(IEnumerable<QueueEntry> entries) =>
        entries.OrderBy(e => e.DeadlineAt is null).ThenBy(e => e.DeadlineAt).ThenBy(e => e.CaseId, StringComparer.Ordinal);
}
