using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Orleans.TestingHost;
using SlaGrains.Grains.Tests.Timing;
using SlaGrains.Host.Storage;

namespace SlaGrains.Grains.Tests.Postgres;

/// <summary>
/// A fresh PostgreSQL database with SlaGrains' schema, and clusters started over it on demand with the same service id,
/// as a real deployment restarts. <c>SLA_TEST_POSTGRES</c> names the server (.ci/run starts one); without it, the
/// local default below.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("SLA_TEST_POSTGRES") ?? "Host=localhost;Username=slagrains;Password=slagrains;Database=slagrains";

    private readonly string _database = $"sla_test_{Guid.NewGuid():N}"[..24];
    private readonly string _serviceId = $"sla-test-{Guid.NewGuid():N}";
    private int _silosStarted;

    public FakeTimeProvider Clock { get; } = new(ClusterFixture.Start);
    public RecordingPublisher Publisher { get; } = new();
    public ReminderProbe Probe { get; } = new();
    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await using (var server = new NpgsqlConnection(ServerConnectionString))
        {
            await server.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {_database}", server);
            await create.ExecuteNonQueryAsync();
        }
        ConnectionString = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = _database }.ConnectionString;
        await PostgresSchema.ApplyAsync(ConnectionString);
    }

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
        NpgsqlConnection.ClearAllPools();
        await using var server = new NpgsqlConnection(ServerConnectionString);
        await server.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", server);
        await drop.ExecuteNonQueryAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresTests : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres";
}
