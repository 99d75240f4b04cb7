using Microsoft.AspNetCore.Diagnostics;
using SlaGrains.Contracts;

namespace SlaGrains.Host.Api;

/// <summary>
/// Maps failures of what the API depends on (PostgreSQL, the cluster) to 503 with problem details, so a client knows
/// to retry; bodies too large or malformed at the HTTP level keep their 4xx. Anything else is a bug and stays a 500.
/// </summary>
public sealed partial class StorageUnavailableHandler : IExceptionHandler, IDisposable
{
    internal static readonly TimeSpan CountEvery = TimeSpan.FromSeconds(10);
    private readonly ILogger<StorageUnavailableHandler> _logger;
    // An outage fails every request: the first 503 of each 10 s says why, and one line counts the rest of those 10 s,
    // so the log stays readable instead of holding a stack trace per request.
    private readonly LogThrottle _warnings;

    public StorageUnavailableHandler(ILogger<StorageUnavailableHandler> logger, TimeProvider clock)
    {
        _logger = logger;
        _warnings = new LogThrottle(clock, CountEvery, leftOut => LogMoreUnavailable(leftOut, CountEvery.TotalSeconds));
    }

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is BadHttpRequestException bad)
        {
            if (ApiProblems.Unbound(bad) is { } unbound)
            {
                await unbound.ExecuteAsync(httpContext);
                return true;
            }
            var title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The body is too large" : "The request is malformed";
            await Results.Problem(statusCode: bad.StatusCode, title: title, detail: bad.Message).ExecuteAsync(httpContext);
            return true;
        }
        if (!AnswersRetry(exception))
        {
            return false;
        }
        if (_warnings.ShouldLog())
        {
            LogUnavailable(exception, httpContext.Request.Path);
        }
        httpContext.Response.Headers.RetryAfter = "5";
        await Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Storage is unavailable",
            detail: "SlaGrains cannot reach its storage or cluster right now. Nothing was changed; retry with the same request.")
            .ExecuteAsync(httpContext);
        return true;
    }

    /// <summary>
    /// Whether the API answers 503 (retry): storage is unavailable (<see cref="StorageFailures.IsUnavailable"/>), or a
    /// write conflict, which is no outage, but Orleans has let the stale activation go and the same request succeeds again.
    /// </summary>
    public static bool AnswersRetry(Exception exception) =>
        StorageFailures.IsUnavailable(exception) || exception is Orleans.Storage.InconsistentStateException;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage or cluster unavailable while serving {Path}")]
    private partial void LogUnavailable(Exception ex, PathString path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage or cluster unavailable: requests answered 503 in the last {Seconds} s: {Count}")]
    private partial void LogMoreUnavailable(int count, double seconds);

    public void Dispose() => _warnings.Dispose();
}
