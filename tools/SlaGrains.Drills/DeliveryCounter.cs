using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace SlaGrains.Drills;

/// <summary>A webhook receiver on loopback that records when each delivery id first arrived and how often it came.</summary>
public sealed class DeliveryCounter : IAsyncDisposable
{
    private readonly WebApplication _app;

    public DeliveryCounter()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/hook", (HttpRequest request) =>
        {
            var id = request.Headers["X-SlaGrains-Delivery"].ToString();
            Deliveries.AddOrUpdate(id, _ => (DateTimeOffset.UtcNow, 1), (_, seen) => (seen.First, seen.Count + 1));
            return Results.Ok();
        });
    }

    public ConcurrentDictionary<string, (DateTimeOffset First, int Count)> Deliveries { get; } = new();

    public string Url => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/hook";

    public Task StartAsync() => _app.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
