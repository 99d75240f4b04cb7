using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SlaGrains.Grains.Webhooks;

/// <summary>
/// Webhook delivery's services: validated options (a host binds <see cref="WebhookOptions.Section"/> onto them), the
/// hand-over to the outboxes, the outbound URL policy, and the HTTP client that enforces it.
/// </summary>
public static class WebhookSetup
{
    public static IServiceCollection AddSlaWebhooks(this IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>()
            .Validate(o => o.MaxConcurrency > 0 && o.MaxPending > 0 && o.MaxAttempts > 0, $"{WebhookOptions.Section}: MaxConcurrency, MaxPending and MaxAttempts must be positive.")
            .Validate(o => o.Timeout > TimeSpan.Zero && o.HandOverTimeout > TimeSpan.Zero && o.RetryBaseDelay > TimeSpan.Zero,
                $"{WebhookOptions.Section}: Timeout, HandOverTimeout and RetryBaseDelay must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton<WebhookPublisher>();
        services.TryAddSingleton<OutboundUrlPolicy>();
        services.TryAddSingleton<IHostResolver, DnsHostResolver>();
        services.TryAddSingleton<WebhookConnector>();
        services.TryAddSingleton<WebhookSender>();
        // Each attempt has its own timeout (WebhookOptions.Timeout), which may be longer than HttpClient's default.
        services.AddHttpClient(WebhookSender.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                AllowAutoRedirect = false, // a 3xx is a failed attempt: following it would re-POST the signed body elsewhere
                UseProxy = false, // a proxy would connect on our behalf, past the connect-time check
                ConnectCallback = provider.GetRequiredService<WebhookConnector>().Connect,
            })
            .RemoveAllLoggers(); // two Information lines per attempt; the deliveries log and WebhookGrain say what happened
        return services;
    }
}
