using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace SlaGrains.Host.Tests;

/// <summary>
/// A host of its own for the webhook delivery tests, with their settings, warnings and errors collected, and services
/// the test may replace (the webhook resolver).
/// </summary>
public sealed class WebhookHost(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services = null) : SlaHost(settings)
{
    public FakeLogCollector Warnings { get; } = FakeLogCollector.Create(new FakeLogCollectorOptions
    {
        FilteredLevels = { LogLevel.Warning, LogLevel.Error, LogLevel.Critical },
    });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(new FakeLoggerProvider(Warnings)));
        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }
    }
}
