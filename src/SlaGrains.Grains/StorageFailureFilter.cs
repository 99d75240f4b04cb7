using System.Data.Common;
using SlaGrains.Contracts;

namespace SlaGrains.Grains;

/// <summary>
/// Turns a database driver's exception escaping a grain call into <see cref="StorageUnavailableException"/>, which
/// crosses process boundaries (the driver's types have no Orleans codec), so a front-end answers 503, not 500.
/// </summary>
public sealed class StorageFailureFilter : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await context.Invoke();
        }
        catch (Exception ex) when (FindDbException(ex) is { } db)
        {
            throw new StorageUnavailableException($"Storage failed: {db.GetType().Name}: {db.Message}");
        }
    }

    private static DbException? FindDbException(Exception exception)
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
