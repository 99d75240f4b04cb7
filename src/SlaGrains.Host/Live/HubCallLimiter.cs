using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace SlaGrains.Host.Live;

/// <summary>
/// A token bucket per key name for hub calls. ASP.NET Core's rate limiter sees the connection's one HTTP request, not
/// the calls made over it, so hub calls are limited here.
/// </summary>
public sealed class HubCallLimiter : IHubFilter, IDisposable
{
    private readonly LiveHubOptions _options;
    private readonly PartitionedRateLimiter<string> _calls;

    public HubCallLimiter(IOptions<LiveHubOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _calls = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = _options.CallBurst,
            TokensPerPeriod = _options.CallsPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
        }));
    }

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        var key = invocationContext.Context.User?.FindFirstValue(ClaimTypes.Name) ?? invocationContext.Context.ConnectionId;
        using (var lease = _calls.AttemptAcquire(key))
        {
            if (!lease.IsAcquired)
            {
                var retry = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? Math.Ceiling(after.TotalSeconds) : 1;
                throw new HubException(string.Create(CultureInfo.InvariantCulture,
                    $"Too many hub calls: this key may make {_options.CallsPerSecond} per second (bursts of {_options.CallBurst}, {LiveHubOptions.Section}:CallsPerSecond, CallBurst); retry in {retry} s."));
            }
        }
        return await next(invocationContext);
    }

    public void Dispose() => _calls.Dispose();
}
