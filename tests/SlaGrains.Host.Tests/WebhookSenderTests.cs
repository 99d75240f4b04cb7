using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;
using SlaGrains.Contracts.Webhooks;
using SlaGrains.Grains.Webhooks;
using SlaGrains.Tests.Shared.Webhooks;

namespace SlaGrains.Host.Tests;

/// <summary>What the delivery log says for each way an attempt can fail, with a stub handler in place of the network.</summary>
public sealed class WebhookSenderTests
{
    private static readonly WebhookDefinition Definition = new() { Url = "https://receiver.example.com/sla", Events = ["milestone.violated"], Secret = WebhookReceiver.Secret };
    private static readonly PendingDelivery Pending = new("case-1/first-response#1/violation/0m", "milestone.violated", "case-1", "{}", 0, Instant.FromUnixTimeSeconds(0), Instant.FromUnixTimeSeconds(0));

    [Fact]
    public async Task A_socket_error_is_logged_as_connection_failed_without_its_text()
    {
        var result = await Sender(_ => throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (10.0.0.1:5432)")).Send(Definition, Pending);
        Assert.Equal(("connection failed", (int?)null, 1), (result.Error, result.StatusCode, result.Attempt));
    }

    [Fact]
    public async Task A_receiver_slower_than_the_timeout_is_logged_as_timed_out()
    {
        var result = await Sender(async token =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, token); // never answers; only the attempt's timeout ends it
            return new HttpResponseMessage(HttpStatusCode.OK);
        }, TimeSpan.FromMilliseconds(50)).Send(Definition, Pending);
        Assert.Equal("timed out", result.Error);
    }

    [Fact]
    public async Task A_redirect_is_a_failed_attempt_naming_the_status()
    {
        var result = await Sender(_ => Task.FromResult(new HttpResponseMessage(HttpStatusCode.TemporaryRedirect))).Send(Definition, Pending);
        Assert.Equal(("the receiver answered 307", (int?)307), (result.Error, result.StatusCode));
    }

    [Fact]
    public async Task A_url_the_policy_refuses_is_not_sent()
    {
        var sent = false;
        var result = await Sender(_ =>
        {
            sent = true;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
        }).Send(Definition with { Url = "http://169.254.169.254/latest" }, Pending);
        Assert.False(sent);
        Assert.StartsWith("refused by the outbound URL policy", result.Error, StringComparison.Ordinal);
    }

    private static WebhookSender Sender(Func<CancellationToken, Task<HttpResponseMessage>> answer, TimeSpan? timeout = null)
    {
        var options = Options.Create(new WebhookOptions { Timeout = timeout ?? TimeSpan.FromSeconds(10) });
        return new WebhookSender(new Factory(new Stub(answer)), new OutboundUrlPolicy(options), options, NullLogger<WebhookSender>.Instance);
    }

    private sealed class Stub(Func<CancellationToken, Task<HttpResponseMessage>> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => answer(cancellationToken);
    }

    private sealed class Factory(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
    }
}
