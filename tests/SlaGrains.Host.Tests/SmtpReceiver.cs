using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace SlaGrains.Host.Tests;

/// <summary>
/// An SMTP server inside the test (the SmtpServer package) on a loopback port: it keeps every message it accepts, and
/// answers the first <paramref name="failFirst"/> messages with 451 (try again later), as a busy server would.
/// </summary>
public sealed class SmtpReceiver(int failFirst = 0) : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private int _received;

    public int Port { get; } = FreePort();
    public ConcurrentQueue<MimeMessage> Messages { get; } = new();
    /// <summary>Messages answered 451 so far.</summary>
    public int Refused => Math.Min(Volatile.Read(ref _received), failFirst);

    public void Start()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this)); // a store of its own: the server may dispose what it was given
        _ = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    /// <summary>The messages that carry alert <paramref name="alertId"/>.</summary>
    public IReadOnlyList<MimeMessage> For(string alertId) =>
        [.. Messages.Where(m => m.Headers["X-SlaGrains-Alert-Id"] == alertId)];

    private async Task<SmtpResponse> Save(ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _received) <= failFirst)
        {
            return new SmtpResponse((SmtpReplyCode)451, "busy, try again later");
        }
        using var stream = new MemoryStream(buffer.ToArray());
        Messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
        return SmtpResponse.Ok;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Store(SmtpReceiver receiver) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken) =>
            receiver.Save(buffer, cancellationToken);
    }
}
