using System.Data.Common;
using Orleans.Storage;
using SlaGrains.Contracts;

namespace SlaGrains.Host.Storage;

/// <summary>
/// Wraps the ADO.NET grain storage so a database failure surfaces as <see cref="StorageUnavailableException"/>. The
/// driver's own exceptions cannot be serialized back to a caller in another process (a front-end would see a codec
/// error and answer 500); this one can, and callers answer 503. Concurrency conflicts pass through untouched.
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
        catch (Exception ex) when (ex is not InconsistentStateException && Database(ex) is { } db)
        {
            throw new StorageUnavailableException($"Storage failed: {db.GetType().Name}: {db.Message}");
        }
    }

    private static DbException? Database(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbException db)
            {
                return db;
            }
        }
        return null;
    }
}
