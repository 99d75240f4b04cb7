using System.Data.Common;
using Npgsql;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;
using SlaGrains.Grains;

namespace SlaGrains.Host.Storage;

/// <summary>
/// Chooses where SlaGrains keeps its state, by configuration. No connection string: the embedded default (one
/// silo on localhost, state and reminders in this process's memory; nothing survives a restart). <c>ConnectionStrings:Postgres</c>:
/// clustering, grain state and reminders in PostgreSQL through Orleans' ADO.NET providers and Npgsql.
/// </summary>
public static class SlaStorage
{
    public const string ConnectionName = "Postgres";
    public const string Invariant = "Npgsql";

    /// <summary>Orleans keys stored state and reminders by service id: it must never change for a deployment.</summary>
    public const string ServiceId = "slagrains";

    public static string? PostgresConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionName) is { Length: > 0 } connectionString ? connectionString : null;

    /// <summary>
    /// The connection string Orleans' providers use: the configured one plus two Npgsql settings, unless it sets them.
    /// The providers send the same few statements all day; unprepared, PostgreSQL parses and plans the grain-state
    /// write (a two-branch CTE) on every call; prepared, it plans it once per connection (pgbench figures:
    /// docs/benchmarks.md). The providers open and close a pooled connection per operation and leave no session
    /// state behind, so the reset Npgsql sends on every reopen (several statements once any are prepared) buys nothing.
    /// </summary>
    public static string ForOrleansProviders(string connectionString)
    {
        // Npgsql's builder knows every keyword, set or not; the plain builder lists only what the string sets.
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(key => key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant())
            .ToHashSet();
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.Contains("MAXAUTOPREPARE"))
        {
            builder.MaxAutoPrepare = 32;
        }
        if (!given.Contains("NORESETONCLOSE"))
        {
            builder.NoResetOnClose = true;
        }
        return builder.ConnectionString;
    }

    public static ISiloBuilder UseSlaStorage(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(configuration);
        silo.Configure<ClusterOptions>(o => ConfigureCluster(o, configuration));

        if (PostgresConnectionString(configuration) is not { } configured)
        {
            silo.UseLocalhostClustering(
                siloPort: configuration.GetValue("Sla:Cluster:SiloPort", 11111),
                gatewayPort: configuration.GetValue("Sla:Cluster:GatewayPort", 30000));
            silo.UseInProcessGrainStorage();
            silo.UseInMemoryReminderService();
            silo.Services.AddHostedService<VolatileStateWarning>();
            return silo;
        }
        var connectionString = ForOrleansProviders(configured);
        silo.Services.AddHostedService<PostgresStorageNotice>();
        var siloPort = configuration.GetValue("Sla:Cluster:SiloPort", 11111);
        var gatewayPort = configuration.GetValue("Sla:Cluster:GatewayPort", 30000);
        if (configuration["Sla:Cluster:AdvertisedIP"] is { Length: > 0 } advertised)
        {
            silo.ConfigureEndpoints(System.Net.IPAddress.Parse(advertised), siloPort, gatewayPort, listenOnAnyHostAddress: true);
        }
        else
        {
            silo.ConfigureEndpoints(siloPort, gatewayPort); // advertises this machine's address, as other machines reach it
        }
        silo.UseAdoNetClustering(o =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = connectionString;
        });
        silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = connectionString;
        });
        return silo.UsePostgresGrainStorage(configured); // it applies ForOrleansProviders itself, as tests call it directly
    }

    /// <summary>A front-end's connection to the silos: it finds their gateways in the PostgreSQL membership table.</summary>
    public static IClientBuilder UseSlaClustering(this IClientBuilder client, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(configuration);
        var connectionString = ForOrleansProviders(PostgresConnectionString(configuration)
            ?? throw new InvalidOperationException("A front-end finds the silos through PostgreSQL: set ConnectionStrings:Postgres."));
        client.Configure<ClusterOptions>(o => ConfigureCluster(o, configuration));
        return client.UseAdoNetClustering(o =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = connectionString;
        });
    }

    private static void ConfigureCluster(ClusterOptions options, IConfiguration configuration)
    {
        options.ServiceId = ServiceId;
        options.ClusterId = configuration["Sla:ClusterId"] ?? "slagrains";
    }

    /// <summary>
    /// Grain state in this process's memory (volatile), for the embedded mode and single-silo test clusters,
    /// serialized as PostgreSQL's is: a state type that Orleans' serializer cannot round-trip fails the same way in
    /// both.
    /// </summary>
    public static ISiloBuilder UseInProcessGrainStorage(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.Sla,
            (services, _) => new InProcessGrainStorage(new ExactGrainStorageSerializer(services.GetRequiredService<Serializer>())));
        return silo;
    }

    /// <summary>
    /// Grain state in PostgreSQL, serialized by Orleans' own serializer: state types carry [Id] and [Alias], so
    /// renaming or moving a type does not change what is stored.
    /// </summary>
    public static ISiloBuilder UsePostgresGrainStorage(this ISiloBuilder silo, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(silo);
        const string adoNet = StorageNames.Sla + "-adonet";
        silo.AddAdoNetGrainStorage(adoNet, options => options.Configure<Serializer>((o, serializer) =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = ForOrleansProviders(connectionString);
            o.GrainStorageSerializer = new ExactGrainStorageSerializer(serializer);
        }));
        silo.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.Sla,
            (services, _) => new UnavailableAwareGrainStorage(services.GetRequiredKeyedService<IGrainStorage>(adoNet)));
        return silo;
    }
}
