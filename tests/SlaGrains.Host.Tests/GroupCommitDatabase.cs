using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Serialization.Serializers;
using Orleans.Storage;
using SlaGrains.Grains;
using SlaGrains.Host.Storage;
using SlaGrains.Tests.Shared.Postgres;

namespace SlaGrains.Host.Tests;

/// <summary>
/// A scratch database of the group-commit tests (<c>slagrains_gc</c>, dropped afterwards) and the real host on it,
/// whose silo has initialized Orleans' ADO.NET provider: the writers under test share its table, hashes and serializer.
/// </summary>
public sealed class GroupCommitDatabase : IAsyncLifetime, IDisposable
{
    public const string Name = "slagrains_gc";
    private SlaHost? _host;

    public string ConnectionString { get; } = new NpgsqlConnectionStringBuilder(Databases.Server) { Database = Name }.ConnectionString;

    public IServiceProvider Services => _host!.Services;

    /// <summary>A client of the host's API with the admin key.</summary>
    public HttpClient Client() => _host!.Client();

    /// <summary>Orleans' ADO.NET provider as the host registered it.</summary>
    public IGrainStorage Provider => Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Sla + "-adonet");

    public async Task InitializeAsync()
    {
        await Databases.Drop(Databases.Server, Name);
        await Databases.Execute(Databases.Server, $"CREATE DATABASE {Name}");
        await PostgresSchema.ApplyAsync(ConnectionString);
        _host = new SlaHost(new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = ConnectionString });
        _host.Client();
    }

    /// <summary>A writer of its own on the scratch database (or <paramref name="connectionString"/>), as the host builds one.</summary>
    public GroupCommitGrainStorage Writer(GroupCommitOptions options, BatchMetrics metrics, string? connectionString = null,
        ILogger<GroupCommitGrainStorage>? logger = null, TimeProvider? clock = null)
    {
        const string adoNet = StorageNames.Sla + "-adonet";
        var adoNetOptions = Services.GetRequiredService<IOptionsMonitor<AdoNetGrainStorageOptions>>().Get(adoNet);
        return new GroupCommitGrainStorage(
            NpgsqlDataSource.Create(SlaStorage.WriterConnection(SlaStorage.ForOrleansProviders(connectionString ?? ConnectionString), options)), Provider,
            adoNetOptions.HashPicker, adoNetOptions.GrainStorageSerializer, Services.GetRequiredService<IActivatorProvider>(),
            Services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId, adoNet, options,
            logger ?? NullLogger<GroupCommitGrainStorage>.Instance, clock ?? TimeProvider.System, metrics);
    }

    public void Dispose() => _host?.Dispose();

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
        await Databases.Drop(Databases.Server, Name);
    }
}
