using System.Collections.Concurrent;
using System.Net;
using SlaGrains.Grains.Webhooks;

namespace SlaGrains.Host.Tests;

/// <summary>A resolver that answers from a table and notes every name asked: tests never touch DNS or a non-loopback address.</summary>
public sealed class WebhookStubResolver(IReadOnlyDictionary<string, IPAddress[]> table) : IHostResolver
{
    public ConcurrentQueue<string> Asked { get; } = new();

    public Task<IPAddress[]> Resolve(string host, CancellationToken cancellationToken)
    {
        Asked.Enqueue(host);
        return table.TryGetValue(host, out var addresses)
            ? Task.FromResult(addresses)
            : Task.FromException<IPAddress[]>(new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.HostNotFound));
    }
}
