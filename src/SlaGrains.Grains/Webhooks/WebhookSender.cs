using System.Globalization;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SlaGrains.Contracts.Webhooks;

namespace SlaGrains.Grains.Webhooks;

/// <summary>
/// Sends one delivery attempt and says how it went. Never throws: what went wrong is classified into a phrase the
/// delivery log can show ("connection failed", "timed out", "the receiver answered 500"), because the socket's own
/// text would tell an administrator which internal ports are open; that text goes to the silo's log at Debug, one line
/// without a stack trace (a dead receiver fails every retry the same way, and WebhookGrain logs each retry).
/// </summary>
public sealed partial class WebhookSender(IHttpClientFactory httpClients, OutboundUrlPolicy policy, IOptions<WebhookOptions> options, ILogger<WebhookSender> logger)
{
    public const string HttpClientName = "webhooks";
    public const string ConnectionFailed = "connection failed";
    public const string TimedOut = "timed out";

    /// <summary>Sends one attempt, signed with the secret and, during a rotation's overlap, with <paramref name="previousSecret"/> too.</summary>
    public async Task<DeliveryResult> Send(WebhookDefinition definition, PendingDelivery pending, string? previousSecret = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(pending);
        var attempt = pending.Attempts + 1;
        DeliveryResult Failed(string error) => new(pending.DeliveryId, attempt, null, error);

        // The allow-list may have changed since the webhook was registered: checked again on every send.
        if (policy.Refusal(definition.Url) is { } refusal)
        {
            return Failed($"refused by the outbound URL policy: {refusal}");
        }
        using var timeout = new CancellationTokenSource(options.Value.Timeout);
        try
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(pending.Body);
            using var request = new HttpRequestMessage(HttpMethod.Post, definition.Url) { Content = new ByteArrayContent(bytes) };
            request.Content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
            request.Headers.Add(WebhookSignature.DeliveryHeader, pending.DeliveryId);
            request.Headers.Add(WebhookSignature.Header, previousSecret is null
                ? WebhookSignature.Sign(definition.Secret!, bytes)
                : WebhookSignature.Sign(definition.Secret!, bytes) + "," + WebhookSignature.Sign(previousSecret, bytes));
            request.Headers.Add("X-SlaGrains-Event", pending.Type);
            request.Headers.Add("X-SlaGrains-Attempt", attempt.ToString(CultureInfo.InvariantCulture));
            // Headers only: the receiver's body is never read, so no receiver can make us buffer one.
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            return new(pending.DeliveryId, attempt, status, status is >= 200 and < 300 ? null : $"the receiver answered {status}");
        }
        catch (HttpRequestException ex) when (ex.InnerException is OutboundUrlRefusedException refused)
        {
            return Failed($"refused by the outbound URL policy: {refused.Message}");
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return Failed(TimedOut);
        }
        catch (Exception ex) when (ex is HttpRequestException or SocketException or IOException or OperationCanceledException)
        {
            if (logger.IsEnabled(LogLevel.Debug))
            {
                var cause = ex.GetBaseException().Message;
                LogFailed(pending.DeliveryId, attempt, cause);
            }
            return Failed(ConnectionFailed);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Delivery {DeliveryId} attempt {Attempt}: connection failed ({Cause})")]
    private partial void LogFailed(string deliveryId, int attempt, string cause);
}
