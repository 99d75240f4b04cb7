using Orleans.Storage;
using SlaGrains.Contracts;

namespace SlaGrains.Host.Storage;

/// <summary>
/// Wraps the ADO.NET grain storage so a database failure (<see cref="StorageFailures.IsUnavailable"/>) surfaces as
/// <see cref="StorageUnavailableException"/>, which a caller in another process can receive and answer 503.
/// Concurrency conflicts pass through untouched.
/// </summary>
public sealed class UnavailableAwareGrainStorage(IGrainStorage inner) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Guard(() => inner.ReadStateAsync(stateName, grainId, grainState));

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Guard(() => inner.WriteStateAsync(stateName, grainId, grainState));

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Guard(() => inner.ClearStateAsync(stateName, grainId, grainState));

    private static async Task Guard(Func<Task> operation)
    {
        try
        {
            await operation();
        }
        catch (Exception ex) when (ex is not StorageUnavailableException && StorageFailures.IsUnavailable(ex))
        {
            throw StorageFailures.Unavailable(ex);
        }
    }
}
