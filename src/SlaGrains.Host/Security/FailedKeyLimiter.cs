using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace SlaGrains.Host.Security;

/// <summary>
/// Counts wrong keys per client address in a fixed window; an address over the limit is refused before its key is
/// looked at, so guessing costs a window per few tries. Only failures count: valid keys, and other addresses, are
/// never slowed by someone else's guesses.
/// </summary>
public sealed class FailedKeyLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<IPAddress> _failures;

    public FailedKeyLimiter(IOptions<FailedKeyOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var limit = options.Value;
        Limit = limit.Limit;
        Window = limit.Window;
        _failures = PartitionedRateLimiter.Create<IPAddress, IPAddress>(address => RateLimitPartition.GetFixedWindowLimiter(address,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = limit.Limit, Window = limit.Window, QueueLimit = 0 }));
    }

    public int Limit { get; }
    public TimeSpan Window { get; }

    /// <summary>Whether the address has used up its failures; if so, when it may try again. Uses up nothing.</summary>
    public bool IsBlocked(IPAddress? address, out TimeSpan retryAfter)
    {
        using var probe = _failures.AttemptAcquire(Client(address), permitCount: 0);
        retryAfter = probe.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : Window;
        return !probe.IsAcquired;
    }

    public void Failed(IPAddress? address) => _failures.AttemptAcquire(Client(address)).Dispose();

    public void Dispose() => _failures.Dispose();

    /// <summary>An IPv6 client usually holds a whole /64, so that is what one client is; IPv4 counts by address.</summary>
    private static IPAddress Client(IPAddress? address)
    {
        if (address is null)
        {
            return IPAddress.None;
        }
        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address;
        }
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes);
    }
}
