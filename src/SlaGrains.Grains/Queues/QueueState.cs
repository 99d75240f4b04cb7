using SlaGrains.Contracts.Queues;

namespace SlaGrains.Grains.Queues;

/// <summary>One bucket's slice of a queue's index (<see cref="QueueBucketGrain"/>).</summary>
[GenerateSerializer, Alias("sla.queue-state")]
public sealed class QueueState
{
    [Id(0)] public Dictionary<string, QueueEntry> Entries { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The last version removed per case, so a late one-way upsert cannot bring a closed case back (bounded: see QueueBucketGrain).</summary>
    [Id(1)] public Dictionary<string, long> Removed { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The bucket has told its queue that a case is indexed under it (<see cref="QueueIndexedState"/>).</summary>
    [Id(2)] public bool Indexed { get; set; }
}
