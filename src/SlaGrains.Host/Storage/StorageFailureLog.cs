using System.Collections.Concurrent;
using Npgsql;
using SlaGrains.Host.Api;

namespace SlaGrains.Host.Storage;

/// <summary>
/// The grain storage's error log during an outage: per cause (exception type and PostgreSQL error code), the first
/// failure of an interval in full and one line counting the rest, instead of a stack trace per failed write or read.
/// </summary>
internal sealed partial class StorageFailureLog(ILogger logger, TimeProvider clock, TimeSpan interval) : IDisposable
{
    private readonly ConcurrentDictionary<string, LogThrottle> _causes = new(StringComparer.Ordinal);

    public void Failed(Exception exception, string operation, int records)
    {
        var cause = Cause(exception);
        var throttle = _causes.GetOrAdd(cause, c => new LogThrottle(clock, interval, leftOut => LogMore(leftOut, interval.TotalSeconds, c)));
        if (throttle.ShouldLog())
        {
            LogFailed(exception, operation, records, cause);
        }
    }

    private static string Cause(Exception exception) =>
        exception is PostgresException postgres ? $"{postgres.GetType().Name} {postgres.SqlState}"
        : exception.InnerException is { } inner && exception is NpgsqlException ? $"{exception.GetType().Name} ({inner.GetType().Name})"
        : exception.GetType().Name;

    [LoggerMessage(Level = LogLevel.Error, Message = "Grain storage failed: {Operation} of {Records} record(s), cause {Cause}")]
    private partial void LogFailed(Exception exception, string operation, int records, string cause);

    [LoggerMessage(Level = LogLevel.Error, Message = "Grain storage failed {Count} more time(s) in the last {Seconds} s, cause {Cause}")]
    private partial void LogMore(int count, double seconds, string cause);

    public void Dispose()
    {
        foreach (var throttle in _causes.Values)
        {
            throttle.Dispose();
        }
    }
}
