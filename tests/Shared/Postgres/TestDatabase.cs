using Npgsql;
using SlaGrains.Host.Storage;

namespace SlaGrains.Tests.Shared.Postgres;

/// <summary>
/// A fresh database on the test PostgreSQL server with SlaGrains' schema, dropped afterwards. <c>SLA_TEST_POSTGRES</c>
/// names the server (scripts/postgres-up.sh prepares the local default below).
/// </summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("SLA_TEST_POSTGRES") ?? "Host=localhost;Username=slagrains;Password=slagrains;Database=slagrains";

    private TestDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }
    public string ConnectionString { get; }

    public static async Task<TestDatabase> Create()
    {
        var name = $"sla_test_{Guid.NewGuid():N}"[..24];
        await Execute(ServerConnectionString, $"CREATE DATABASE {name}");
        var database = new TestDatabase(name, new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ConnectionString);
        await PostgresSchema.ApplyAsync(database.ConnectionString);
        return database;
    }

    /// <summary>Simulates an outage: refuses new connections to this database and ends the open ones.</summary>
    public async Task Refuse()
    {
        await Execute(ServerConnectionString, $"ALTER DATABASE {Name} WITH ALLOW_CONNECTIONS false");
        await Execute(ServerConnectionString, $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{Name}' AND usename = current_user");
    }

    public Task Allow() => Execute(ServerConnectionString, $"ALTER DATABASE {Name} WITH ALLOW_CONNECTIONS true");

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        // FORCE cannot end an autovacuum worker for a non-superuser (42501); the worker is done within moments.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await Execute(ServerConnectionString, $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
                return;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 20)
            {
                await Task.Delay(500);
            }
        }
    }

    private static async Task Execute(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
