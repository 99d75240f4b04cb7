using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using SlaGrains.Grains.Tests.Timing;
using SlaGrains.Host.Storage;
using SlaGrains.Tests.Shared.Postgres;

namespace SlaGrains.Grains.Tests.Postgres;

/// <summary>
/// A fresh PostgreSQL database with SlaGrains' schema, and clusters started over it on demand with the same service id,
/// as a real deployment restarts.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private readonly string _serviceId = $"sla-test-{Guid.NewGuid():N}";
    private int _silosStarted;

    public FakeTimeProvider Clock { get; } = new(ClusterFixture.Start);
    public RecordingPublisher Publisher { get; } = new();
    public ReminderProbe Probe { get; } = new();
    private TestDatabase? _database;

    public string ConnectionString => _database!.ConnectionString;

    public async Task InitializeAsync() => _database = await TestDatabase.Create();

    /// <summary>Starts a cluster keeping grain state and reminders in this database.</summary>
    public async Task<InProcessTestCluster> StartCluster(short silos)
    {
        var builder = new InProcessTestClusterBuilder(silos);
        builder.Options.ServiceId = _serviceId;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.UsePostgresGrainStorage(ConnectionString);
            silo.UseAdoNetReminderService(o =>
            {
                o.Invariant = SlaStorage.Invariant;
                o.ConnectionString = ConnectionString;
            });
            silo.UseTestTimeAndPublisher(Clock, Publisher);
        });
        var cluster = builder.WithSlaClient().Build();
        await cluster.DeployAsync();
        _silosStarted += silos;
        await Probe.ServiceStarted(_silosStarted);
        return cluster;
    }

    public async Task DisposeAsync()
    {
        Probe.Dispose();
        await _database!.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresTests : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres";
}
