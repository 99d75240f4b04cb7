using System.Collections.Concurrent;
using Orleans.Storage;

namespace SlaGrains.Grains.Tests.Timing;

/// <summary>The silo's grain storage, with one grain's writes failing on demand, as they would while PostgreSQL is down.</summary>
public sealed class FaultyStorage(IGrainStorage inner) : IGrainStorage
{
    private readonly ConcurrentDictionary<GrainId, int> _writesBeforeFailure = new();

    /// <summary>Lets the grain's next <paramref name="writes"/> writes through, then fails the one after them.</summary>
    public void FailWriteAfter(GrainId grainId, int writes) => _writesBeforeFailure[grainId] = writes;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_writesBeforeFailure.TryGetValue(grainId, out var left))
        {
            if (left == 0)
            {
                _writesBeforeFailure.TryRemove(grainId, out _);
                throw new TimeoutException("Storage is unavailable (test).");
            }
            _writesBeforeFailure[grainId] = left - 1;
        }
        return inner.WriteStateAsync(stateName, grainId, grainState);
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, grainId, grainState);
}
