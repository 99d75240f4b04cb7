using System.Diagnostics;
using Npgsql;
using SlaGrains.Host.Storage;

namespace SlaGrains.Host.Hosting;

/// <summary>
/// Applies the PostgreSQL schema at start (unless <c>Sla:Storage:ApplySchema</c> is false) and says so before and
/// after: on a fresh database, or while another process holds the schema lock, this is the first wait of a start.
/// </summary>
internal sealed partial class PostgresSchemaStartup(string connectionString, ILogger<PostgresSchemaStartup> logger) : IHostedLifecycleService
{
    // StartingAsync runs before every hosted service's StartAsync: the schema is there before Orleans reads its tables.
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var server = new NpgsqlConnectionStringBuilder(connectionString);
        var (host, database) = (server.Host ?? "localhost", server.Database ?? server.Username ?? "(default)");
        LogApplying(host, server.Port, database, PostgresSchema.Scripts.Count);
        var started = Stopwatch.GetTimestamp();
        await PostgresSchema.ApplyAsync(connectionString, cancellationToken);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        LogApplied(seconds);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying the PostgreSQL schema ({Scripts} scripts) to {Host}:{Port}, database {Database}")]
    private partial void LogApplying(string host, int port, string database, int scripts);

    [LoggerMessage(Level = LogLevel.Information, Message = "PostgreSQL schema applied in {Seconds:0.0} s")]
    private partial void LogApplied(double seconds);
}
