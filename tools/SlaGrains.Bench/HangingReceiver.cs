using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace SlaGrains.Bench;

/// <summary>A webhook receiver on loopback that accepts connections, reads what is sent and never answers.</summary>
public sealed class HangingReceiver : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentBag<TcpClient> _clients = [];
    private readonly CancellationTokenSource _stop = new();
    private Task? _accepting;

    public string Url => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/hook";

    public int Connections => _clients.Count;

    public void Start()
    {
        _listener.Start();
        _accepting = Accept();
    }

    private async Task Accept()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                _clients.Add(client);
                _ = Drain(client);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    private async Task Drain(TcpClient client)
    {
        var buffer = new byte[4096];
        try
        {
            while (await client.GetStream().ReadAsync(buffer, _stop.Token) > 0)
            {
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        foreach (var client in _clients)
        {
            client.Dispose();
        }
        if (_accepting is not null)
        {
            await _accepting;
        }
        _stop.Dispose();
    }
}
