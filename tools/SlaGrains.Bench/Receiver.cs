using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SlaGrains.Bench;

/// <summary>A loopback webhook receiver that notes when each delivery id first arrived.</summary>
public sealed class Receiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    public Receiver()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/hook", (HttpRequest request) =>
        {
            Received.TryAdd(request.Headers["X-SlaGrains-Delivery"].ToString(), DateTimeOffset.UtcNow);
            return Results.Ok();
        });
    }

    public ConcurrentDictionary<string, DateTimeOffset> Received { get; } = new();

    public string Url => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/hook";

    public Task StartAsync() => _app.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
