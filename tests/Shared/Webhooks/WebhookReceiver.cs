using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SlaGrains.Grains.Webhooks;

namespace SlaGrains.Tests.Shared.Webhooks;

/// <summary>
/// A receiver like an integrator would write, on its own loopback port: it checks every signature, answers 500 to
/// the first <see cref="FailFirst"/> requests (or redirects them elsewhere with a 307 when <paramref name="redirect"/>)
/// and every request while <see cref="Failing"/>, and deduplicates what it accepts by delivery id.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    public const string Secret = "receiver-secret-0123456789";

    private readonly WebApplication _app;
    private int _requests;
    private int _redirected;
    private volatile bool _failing;

    public WebhookReceiver(int failFirst, bool redirect = false)
    {
        FailFirst = failFirst;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapPost("/hook", async (HttpRequest request) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            var body = buffer.ToArray();
            var delivery = request.Headers[WebhookSignature.DeliveryHeader].ToString();
            var attempt = int.Parse(request.Headers["X-SlaGrains-Attempt"].ToString(), System.Globalization.CultureInfo.InvariantCulture);
            Attempts.Enqueue((delivery, WebhookSignature.Verify(Secret, body, request.Headers[WebhookSignature.Header]), attempt));
            Signatures.TryAdd(delivery, (request.Headers[WebhookSignature.Header].ToString(), body));
            if (Interlocked.Increment(ref _requests) <= FailFirst || _failing)
            {
                return redirect ? Results.Redirect("/elsewhere", permanent: false, preserveMethod: true) : Results.StatusCode(500);
            }
            Accepted.TryAdd(delivery, System.Text.Encoding.UTF8.GetString(body));
            Answered.Enqueue(delivery);
            return Results.Ok();
        });
        _app.MapPost("/elsewhere", () =>
        {
            Interlocked.Increment(ref _redirected);
            return Results.Ok();
        });
    }

    /// <summary>Requests that followed a redirect to <c>/elsewhere</c>.</summary>
    public int Redirected => Volatile.Read(ref _redirected);

    public int FailFirst { get; }

    /// <summary>While set, every request is answered 500, as a receiver that is failing for a while.</summary>
    public bool Failing
    {
        get => _failing;
        set => _failing = value;
    }

    public ConcurrentQueue<(string DeliveryId, bool SignatureValid, int Attempt)> Attempts { get; } = new();
    public ConcurrentDictionary<string, string> Accepted { get; } = new();

    /// <summary>Each delivery's signature header and raw body, as its first request carried them.</summary>
    public ConcurrentDictionary<string, (string Header, byte[] Body)> Signatures { get; } = new();

    /// <summary>Every request answered 200, in order: a delivery accepted twice is here twice.</summary>
    public ConcurrentQueue<string> Answered { get; } = new();

    public string Url => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/hook";

    public Task StartAsync() => _app.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
