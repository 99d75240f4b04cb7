namespace SlaGrains.Grains.Queues;

/// <summary>A queue's own record: whether some case has been indexed under it, so reads ask its buckets.</summary>
[GenerateSerializer, Alias("sla.queue-indexed-state")]
public sealed class QueueIndexedState
{
    [Id(0)] public bool Indexed { get; set; }
}
