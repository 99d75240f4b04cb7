using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Serialization;
using Orleans.Storage;
using Orleans.TestingHost;
using SlaGrains.Contracts.Reports;
using SlaGrains.Grains.Tests.Timing;
using SlaGrains.Grains.Webhooks;
using SlaGrains.Host.Storage;

namespace SlaGrains.Grains.Tests;

/// <summary>
/// A real in-process Orleans cluster with the embedded mode's in-process storage and in-memory reminders, whose grains and reminders run on a
/// fake clock the tests advance (membership and messaging stay on real time). Shared by the tests of one collection.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2025, 3, 3, 14, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(Start);
    public RecordingPublisher Publisher { get; } = new();
    public ReminderProbe Probe { get; } = new();
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    /// <summary>The silo's grain storage, to read or plant what grains store.</summary>
    public IGrainStorage Storage => Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.Sla);

    /// <summary>The same storage, to fail a grain's writes.</summary>
    public FaultyStorage Faults => (FaultyStorage)Storage;

    /// <summary>The silo's report store, to read the facts cases wrote or refuse their writes.</summary>
    public FaultyReportStore Reports { get; } = new(new SlaGrains.Grains.Reports.InMemoryReportStore());

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.UseInProcessGrainStorage(); // stored the way the embedded host stores it
            silo.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.Sla,
                (services, _) => new FaultyStorage(new InProcessGrainStorage(new ExactGrainStorageSerializer(services.GetRequiredService<Serializer>()))));
            silo.UseInMemoryReminderService();
            silo.Services.AddSingleton<IReportStore>(Reports);
            silo.UseTestTimeAndPublisher(Clock, Publisher);
            silo.Services.Configure<WebhookOptions>(o => o.AllowedHosts.Add("127.0.0.1")); // the tests' receivers
        });
        Cluster = builder.WithSlaClient().Build();
        await Cluster.DeployAsync();
        await Probe.ServiceStarted(1);
    }

    /// <summary>Moves the clock once the case's reminders are all waiting on it.</summary>
    public async Task Advance(string caseId, TimeSpan by)
    {
        await Probe.Quiet(GrainId.Create("case", caseId));
        Clock.Advance(by);
    }

    public async Task DisposeAsync()
    {
        // Stopping the silo waits on work scheduled on the fake clock, which would otherwise sit out 30 s of real
        // time: the clock keeps moving until the silo is down.
        var stopping = Cluster.DisposeAsync().AsTask();
        while (!stopping.IsCompleted)
        {
            Clock.Advance(TimeSpan.FromHours(1));
            await Task.WhenAny(stopping, Task.Delay(20));
        }
        await stopping;
        Probe.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterTests : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
