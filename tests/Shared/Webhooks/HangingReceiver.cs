using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace SlaGrains.Tests.Shared.Webhooks;

/// <summary>
/// A receiver that accepts connections on loopback, reads what is sent and never answers: a raw listener, because an
/// HTTP server would answer something eventually. Shared by the tests and the benchmark harness.
/// </summary>
internal sealed class HangingReceiver : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentBag<TcpClient> _clients = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _requested = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _accepting;

    public string Url => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/hook";

    /// <summary>Completes when the first request's bytes have arrived (a delivery is now hanging).</summary>
    public Task Requested => _requested.Task;

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
            while (!_stop.IsCancellationRequested)
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
                _requested.TrySetResult();
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
