namespace SlaGrains.Host.Storage;

/// <summary>
/// One record waiting for its batch: its key, the version its writer read (null for a first write) and the state's
/// bytes. Completes with the record's new version, or null when another writer got there first.
/// </summary>
internal sealed class PendingWrite(StoredGrainKey key, int? expectedVersion, byte[] payload)
{
    public StoredGrainKey Key { get; } = key;
    public int? ExpectedVersion { get; } = expectedVersion;
    public byte[] Payload { get; } = payload;

    // Asynchronous continuations: the batch that completes it must not run its callers' code on its own thread.
    public TaskCompletionSource<int?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
