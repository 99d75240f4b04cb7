using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Reminders;
using Orleans.Serialization;
using Orleans.TestingHost;
using SlaGrains.Contracts.Serialization;
using SlaGrains.Grains.Live;

namespace SlaGrains.Grains.Tests.Timing;

internal static class TestSilo
{
    /// <summary>
    /// Grains and reminders on the test's fake clock, membership and messaging on real time (advancing the fake clock
    /// must not fire liveness probes), notices recorded, and reminders loaded however far ahead they fall due.
    /// </summary>
    public static ISiloBuilder UseTestTimeAndPublisher(this ISiloBuilder silo, FakeTimeProvider clock, RecordingPublisher publisher)
    {
        silo.Configure<ReminderOptions>(o => o.ReminderLoadingWindow = TimeSpan.FromDays(7));
        silo.Services.AddSerializer(s => s.AddSlaSerialization());
        silo.Services.AddSingleton<TimeProvider>(clock);
        silo.Services.UseTimeProviderForBackgroundAreas(TimeProvider.System);
        silo.Services.AddKeyedSingleton<TimeProvider>(ReminderTimeProviderNames.Reminders, clock);
        silo.Services.AddSingleton<ISlaPublisher>(publisher);
        silo.Services.AddSlaGrains();
        return silo;
    }

    public static InProcessTestClusterBuilder WithSlaClient(this InProcessTestClusterBuilder builder)
    {
        builder.ConfigureClient(client => client.Services.AddSerializer(s => s.AddSlaSerialization()));
        return builder;
    }
}
