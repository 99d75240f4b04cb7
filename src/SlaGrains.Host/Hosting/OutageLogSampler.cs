using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using SlaGrains.Contracts;
using SlaGrains.Host.Api;

namespace SlaGrains.Host.Hosting;

/// <summary>
/// Keeps an outage from flooding the log with the silo's own reports of it: Orleans logs a stack trace for every
/// activation that could not read its state, twice. An entry outside SlaGrains' own categories whose exception means
/// "storage unavailable" (<see cref="StorageFailures.IsUnavailable"/>) goes through a <see cref="LogThrottle"/> per
/// category and event id: the first of an interval in full, then one line counting the rest. SlaGrains' own log sites
/// throttle themselves and pass untouched, as does every entry without such an exception.
/// </summary>
public sealed partial class OutageLogSampler(IServiceProvider services) : LoggingSampler, IDisposable
{
    private static readonly TimeSpan Interval = StorageUnavailableHandler.CountEvery;

    public const string Category = "SlaGrains.Host.Hosting.OutageLog";

    private readonly ConcurrentDictionary<(string Category, int EventId), LogThrottle> _sources = new();
    // Resolved on first use: the logger factory is built with this sampler, so it cannot be a constructor argument.
    private readonly Lazy<ILogger> _logger = new(() => services.GetRequiredService<ILoggerFactory>().CreateLogger(Category));

    public override bool ShouldSample<TState>(in LogEntry<TState> logEntry)
    {
        if (logEntry.Exception is null || logEntry.Category.StartsWith("SlaGrains.", StringComparison.Ordinal) ||
            !StorageFailures.IsUnavailable(logEntry.Exception))
        {
            return true;
        }
        var source = (logEntry.Category, logEntry.EventId.Id);
        return _sources.GetOrAdd(source, s => new LogThrottle(services.GetService<TimeProvider>() ?? TimeProvider.System, Interval,
            leftOut => LogLeftOut(_logger.Value, leftOut, s.Category, s.EventId, Interval.TotalSeconds))).ShouldLog();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} more {Source}[{EventId}] entries for storage being unavailable in the last {Seconds} s were left out")]
    private static partial void LogLeftOut(ILogger logger, int count, string source, int eventId, double seconds);

    public void Dispose()
    {
        foreach (var throttle in _sources.Values)
        {
            throttle.Dispose();
        }
    }
}
