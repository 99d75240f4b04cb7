using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace SlaGrains.Grains.Webhooks;

/// <summary>
/// Where deliveries may go: public addresses only, unless <see cref="WebhookOptions.AllowedHosts"/> names the host.
/// Checked when a webhook is registered (the URL as written) and again when each delivery connects (every address the
/// name resolves to), so a name that resolves to an internal address later cannot reach it.
/// </summary>
public sealed class OutboundUrlPolicy
{
    // Not reachable from the public internet, or not unicast: none is a place a receiver may send us.
    private static readonly IPNetwork[] Refused =
    [
        IPNetwork.Parse("0.0.0.0/8"),       // "this network", 0.0.0.0 unspecified
        IPNetwork.Parse("10.0.0.0/8"),      // RFC 1918
        IPNetwork.Parse("100.64.0.0/10"),   // carrier-grade NAT
        IPNetwork.Parse("127.0.0.0/8"),     // loopback
        IPNetwork.Parse("169.254.0.0/16"),  // link-local, cloud metadata
        IPNetwork.Parse("172.16.0.0/12"),   // RFC 1918
        IPNetwork.Parse("192.0.0.0/24"),    // IETF protocol assignments
        IPNetwork.Parse("192.168.0.0/16"),  // RFC 1918
        IPNetwork.Parse("198.18.0.0/15"),   // benchmarking
        IPNetwork.Parse("224.0.0.0/4"),     // multicast
        IPNetwork.Parse("240.0.0.0/4"),     // reserved, 255.255.255.255 broadcast
        IPNetwork.Parse("::/96"),           // unspecified, loopback, IPv4-compatible (deprecated)
        IPNetwork.Parse("fc00::/7"),        // unique local
        IPNetwork.Parse("fe80::/10"),       // link-local
        IPNetwork.Parse("fec0::/10"),       // site-local (deprecated)
        IPNetwork.Parse("ff00::/8"),        // multicast
    ];

    // IPv6 forms that carry an IPv4 address the traffic ends up at: judged by that address.
    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");
    private static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");

    private readonly HashSet<(string Host, int? Port)> _allowed = [];

    public OutboundUrlPolicy(IOptions<WebhookOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var entry in options.Value.AllowedHosts)
        {
            _allowed.Add(ParseEntry(entry));
        }
    }

    /// <summary>Why deliveries may not go to <paramref name="url"/>, or null when they may (its name is checked again on connecting).</summary>
    public string? Refusal(string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return "Give the absolute http(s) URL deliveries are POSTed to.";
        }
        if (uri.UserInfo.Length > 0)
        {
            return "Give the URL without a user name or password; receivers authenticate deliveries by their signature.";
        }
        if (IsAllowListed(uri.DnsSafeHost, uri.Port))
        {
            return null;
        }
        var internalHost = IPAddress.TryParse(uri.DnsSafeHost, out var address) ? !IsPublic(address) : IsLocalName(uri.DnsSafeHost);
        return internalHost
            ? $"'{uri.Host}' is a loopback, private, link-local or otherwise internal address; deliveries go to public addresses only, unless {WebhookOptions.Section}:AllowedHosts lists the host."
            : null;
    }

    /// <summary>Whether the allow-list names this host (as written in the URL), on any port or on this one.</summary>
    public bool IsAllowListed(string host, int port)
    {
        var canonical = Canonical(host);
        return _allowed.Contains((canonical, null)) || _allowed.Contains((canonical, port));
    }

    /// <summary>A public unicast address: not loopback, private, link-local, multicast, unspecified, broadcast or reserved.</summary>
    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        else if (address.AddressFamily == AddressFamily.InterNetworkV6 && (Nat64.Contains(address) || SixToFour.Contains(address)))
        {
            var bytes = address.GetAddressBytes();
            var embedded = Nat64.Contains(address) ? bytes[12..16] : bytes[2..6];
            address = new IPAddress(embedded);
        }
        return !Refused.Any(network => network.BaseAddress.AddressFamily == address.AddressFamily && network.Contains(address));
    }

    /// <summary><c>localhost</c> and names under it (RFC 6761), which resolvers answer with loopback without asking DNS.</summary>
    public static bool IsLocalName(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var name = host.TrimEnd('.');
        return name.Equals("localhost", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);
    }

    private static (string Host, int? Port) ParseEntry(string entry)
    {
        var text = entry.Trim();
        string host;
        string? port = null;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            host = close > 0 ? text[1..close] : text;
            port = close > 0 && close + 1 < text.Length && text[close + 1] == ':' ? text[(close + 2)..] : null;
        }
        else if (text.Count(c => c == ':') == 1)
        {
            (host, port) = (text[..text.IndexOf(':', StringComparison.Ordinal)], text[(text.IndexOf(':', StringComparison.Ordinal) + 1)..]);
        }
        else
        {
            host = text; // a name, an IPv4 address, or an IPv6 address without brackets and port
        }
        if (host.Length == 0 || (port is not null && !int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            throw new InvalidOperationException($"{WebhookOptions.Section}:AllowedHosts: '{entry}' is not a host or host:port.");
        }
        return (Canonical(host), port is null ? null : int.Parse(port, CultureInfo.InvariantCulture));
    }

    private static string Canonical(string host)
    {
        var bare = host.Trim('[', ']');
        return IPAddress.TryParse(bare, out var address) ? address.ToString() : bare.TrimEnd('.').ToLowerInvariant();
    }
}
