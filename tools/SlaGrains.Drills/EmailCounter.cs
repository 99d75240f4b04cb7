using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Text;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace SlaGrains.Drills;

/// <summary>An SMTP server on loopback that records when each email alert id first arrived and how often it came.</summary>
public sealed class EmailCounter(int port) : IDisposable
{
    private const string AlertIdHeader = "X-SlaGrains-Alert-Id: ";
    private readonly CancellationTokenSource _stop = new();

    public ConcurrentDictionary<string, (DateTimeOffset First, int Count)> Alerts { get; } = new();

    public void Start()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this)); // a store of its own: the server may dispose what it was given
        _ = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    private void Save(ReadOnlySequence<byte> buffer)
    {
        // The alert id header is all the drill reads: a line scan, not a MIME parse.
        var text = Encoding.UTF8.GetString(buffer.ToArray());
        var at = text.IndexOf(AlertIdHeader, StringComparison.OrdinalIgnoreCase);
        if (at >= 0)
        {
            var start = at + AlertIdHeader.Length;
            var id = text[start..text.IndexOf('\r', start)].Trim();
            Alerts.AddOrUpdate(id, _ => (DateTimeOffset.UtcNow, 1), (_, seen) => (seen.First, seen.Count + 1));
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }

    private sealed class Store(EmailCounter counter) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            counter.Save(buffer);
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
