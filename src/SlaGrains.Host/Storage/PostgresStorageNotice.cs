using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;

namespace SlaGrains.Host.Storage;

/// <summary>
/// Says at startup which PostgreSQL this silo keeps its state in (never the password), before the silo joins the
/// cluster: the join can take a while and the embedded mode says where its state lives too.
/// </summary>
internal sealed partial class PostgresStorageNotice(IConfiguration configuration, IOptions<ClusterOptions> cluster, ILogger<PostgresStorageNotice> logger) : IHostedLifecycleService
{
    // StartingAsync runs before every hosted service's StartAsync, so this line comes before Orleans starts joining.
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnectionStringBuilder(SlaStorage.PostgresConnectionString(configuration));
        LogStorage(connection.Host ?? "localhost", connection.Port, connection.Database ?? connection.Username ?? "(default)", cluster.Value.ClusterId);
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message =
        "Storage: PostgreSQL at {Host}:{Port}, database {Database} (cluster membership, grain state and reminders). " +
        "Joining cluster '{ClusterId}'; the API answers once this silo is in it.")]
    private partial void LogStorage(string host, int port, string database, string clusterId);
}
