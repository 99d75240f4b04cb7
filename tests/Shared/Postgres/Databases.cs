using Npgsql;

namespace SlaGrains.Tests.Shared.Postgres;

/// <summary>Throwaway databases on a test PostgreSQL server, for the tests and the benchmark harness.</summary>
internal static class Databases
{
    /// <summary>
    /// <c>SLA_TEST_POSTGRES</c> when it is set and not empty (as scripts/postgres-up.sh reads it), else the local
    /// server that script prepares.
    /// </summary>
    public static string Server =>
        Environment.GetEnvironmentVariable("SLA_TEST_POSTGRES") is { Length: > 0 } server
            ? server
            : "Host=localhost;Username=slagrains;Password=slagrains;Database=slagrains";

    public static async Task Execute(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Drops <paramref name="name"/>, ending the sessions still in it, this process's pools included.</summary>
    public static async Task Drop(string serverConnectionString, string name)
    {
        NpgsqlConnection.ClearAllPools();
        // FORCE cannot end an autovacuum worker for a non-superuser (42501); the worker is done within moments.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await Execute(serverConnectionString, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
                return;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 20)
            {
                await Task.Delay(500);
            }
        }
    }
}
