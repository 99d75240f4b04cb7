using System.Data.Common;
using System.Net.Sockets;
using Orleans.Storage;

namespace SlaGrains.Contracts;

/// <summary>
/// The one place that decides whether a failure means storage is unavailable: the grain call filter and the storage
/// wrapper turn such failures into <see cref="StorageUnavailableException"/>, the API answers them 503, and the
/// readiness check reports them.
/// </summary>
public static class StorageFailures
{
    /// <summary>
    /// True when <paramref name="exception"/> or one inside it is a database driver's failure (<see cref="DbException"/>,
    /// which Npgsql's derive from), <see cref="StorageUnavailableException"/>, or a sign that the cluster standing
    /// between a front-end and storage does not answer (a timeout, a socket error, Orleans' own failures). A write
    /// conflict (<see cref="InconsistentStateException"/>) is not: storage answered, and Orleans deactivates the stale
    /// activation on seeing that type, so it must pass through as it is.
    /// </summary>
    public static bool IsUnavailable(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case InconsistentStateException:
                    return false;
                case StorageUnavailableException or DbException or TimeoutException or SocketException or OrleansException:
                    return true;
            }
        }
        return false;
    }

    /// <summary>
    /// What to throw in place of an unavailable-storage failure: the driver's exceptions cannot be serialized back to a
    /// caller in another process (a front-end would see a codec error and answer 500); this one can.
    /// </summary>
    public static StorageUnavailableException Unavailable(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is StorageUnavailableException unavailable)
        {
            return unavailable;
        }
        var cause = exception.GetBaseException();
        // Without the cause itself: Orleans would carry it along, and it is the driver's exception that cannot travel.
        return new StorageUnavailableException($"Storage failed: {cause.GetType().Name}: {cause.Message}");
    }
}
