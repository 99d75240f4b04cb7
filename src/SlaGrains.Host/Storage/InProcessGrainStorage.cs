using System.Collections.Concurrent;
using System.Globalization;
using Orleans.Storage;

namespace SlaGrains.Host.Storage;

/// <summary>
/// Grain state for the embedded single-process mode: each record serialized (so no grain shares objects with what is
/// stored) in a dictionary of this process, with the same optimistic concurrency as the ADO.NET provider. Nothing
/// survives the process, as with Orleans' memory storage.
/// </summary>
/// <remarks>
/// Written here instead of using Orleans' memory storage because that provider keeps state in storage grains, so
/// every write is two more grain calls (and thread hand-offs), a deep copy of the serialized bytes and a fresh GUID
/// etag, per write, a large part of an ingested event's cost in one process (figures: docs/benchmarks.md). Its grains
/// exist so that the silos of a cluster can share volatile state; a single process has nothing to share it with.
/// </remarks>
public sealed class InProcessGrainStorage(IGrainStorageSerializer serializer) : IGrainStorage
{
    private readonly ConcurrentDictionary<(string StateName, GrainId GrainId), StoredRecord> _records = new();
    private long _lastETag;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        if (_records.TryGetValue((stateName, grainId), out var record))
        {
            grainState.State = serializer.Deserialize<T>(record.Data) ?? Activator.CreateInstance<T>();
            grainState.ETag = record.ETag;
            grainState.RecordExists = true;
        }
        else
        {
            grainState.ETag = null;
            grainState.RecordExists = false;
        }
        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var key = (stateName, grainId);
        var written = new StoredRecord(serializer.Serialize(grainState.State), NextETag());
        while (true)
        {
            var stored = _records.TryGetValue(key, out var current);
            Expect(stored ? current!.ETag : null, grainState.ETag, key);
            if (stored ? _records.TryUpdate(key, written, current!) : _records.TryAdd(key, written))
            {
                break;
            }
        }
        grainState.ETag = written.ETag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var key = (stateName, grainId);
        while (_records.TryGetValue(key, out var current))
        {
            Expect(current.ETag, grainState.ETag, key);
            if (_records.TryRemove(KeyValuePair.Create(key, current)))
            {
                break;
            }
        }
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    /// <summary>A write or clear must name the etag of what is stored (none for no record), or another wrote first.</summary>
    private static void Expect(string? stored, string? given, (string StateName, GrainId GrainId) key)
    {
        if (!string.Equals(stored, given, StringComparison.Ordinal))
        {
            throw new InconsistentStateException(
                $"State {key.StateName} of {key.GrainId} was changed by another writer.", stored ?? "", given ?? "");
        }
    }

    // Etags never repeat in this process, so a record cleared and written again is never taken for its former self.
    private string NextETag() => Interlocked.Increment(ref _lastETag).ToString(CultureInfo.InvariantCulture);

    private sealed record StoredRecord(BinaryData Data, string ETag);
}
