using SlaGrains.Contracts.Queues;

namespace SlaGrains.Grains.Queues;

[GenerateSerializer, Alias("sla.queue-state")]
public sealed class QueueState
{
    [Id(0)] public Dictionary<string, QueueEntry> Entries { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The last version removed per case, so a late one-way upsert cannot bring a closed case back (bounded: see QueueGrain).</summary>
    [Id(1)] public Dictionary<string, long> Removed { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// In a queue's record: some case has been indexed under the queue, so reads ask its buckets (until then they
    /// answer empty without activating any). In a bucket's record: the bucket has told its queue so.
    /// </summary>
    [Id(2)] public bool Indexed { get; set; }
}
