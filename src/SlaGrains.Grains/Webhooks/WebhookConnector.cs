using System.Net;
using System.Net.Sockets;

namespace SlaGrains.Grains.Webhooks;

/// <summary>
/// The webhook client's <see cref="SocketsHttpHandler.ConnectCallback"/>: resolves the receiver's host itself, keeps
/// only the addresses the outbound URL policy allows, and connects to one of those. Checking the address actually
/// connected to (not the name, not an earlier lookup) is what stops DNS rebinding.
/// </summary>
public sealed class WebhookConnector(OutboundUrlPolicy policy, IHostResolver resolver)
{
    /// <summary>Opens the connection; tests pass their own to see what would have been connected to.</summary>
    public Func<IPAddress[], int, CancellationToken, ValueTask<Stream>> Open { get; init; } = OpenSocket;

    public ValueTask<Stream> Connect(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Connect(context.DnsEndPoint, cancellationToken);
    }

    public async ValueTask<Stream> Connect(DnsEndPoint endpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var host = endpoint.Host.Trim('[', ']');
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await resolver.Resolve(host, cancellationToken);
        if (!policy.IsAllowListed(host, endpoint.Port))
        {
            addresses = [.. addresses.Where(OutboundUrlPolicy.IsPublic)];
            if (addresses.Length == 0)
            {
                throw new OutboundUrlRefusedException($"'{host}' resolves only to addresses the outbound URL policy refuses.");
            }
        }
        return await Open(addresses, endpoint.Port, cancellationToken);
    }

    private static async ValueTask<Stream> OpenSocket(IPAddress[] addresses, int port, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true }; // dual mode: IPv4 and IPv6
        try
        {
            await socket.ConnectAsync(addresses, port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
