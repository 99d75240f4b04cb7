using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace SlaGrains.Host.Tests;

/// <summary>
/// The real host with everything it logs collected, after the host's own log-level filters (appsettings.json), as an
/// operator's console would show it; optionally in Development, as `dotnet run` starts it.
/// </summary>
public sealed class LoggedHost(IReadOnlyDictionary<string, string?>? settings = null, bool development = false) : SlaHost(settings)
{
    public FakeLogCollector Log { get; } = FakeLogCollector.Create(new FakeLogCollectorOptions());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (development)
        {
            builder.UseEnvironment("Development");
        }
        builder.ConfigureLogging(logging => logging.AddProvider(new FakeLoggerProvider(Log)));
    }
}
