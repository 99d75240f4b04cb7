using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace SlaGrains.Host.Storage;

/// <summary>
/// Applies the PostgreSQL schema (Storage/Sql, embedded) in one transaction under an advisory lock, so silos starting
/// together do not race. The scripts are idempotent; each run records what it applied in <c>sla_schema_history</c>.
/// </summary>
public static class PostgresSchema
{
    private const string ResourcePrefix = "SlaGrains.Sql.";

    // Any fixed number will do; it only has to be the same for every SlaGrains process.
    private const long MigrationLock = 0x5_1A_6_2A_1_5;

    public static IReadOnlyList<string> Scripts { get; } =
        [.. typeof(PostgresSchema).Assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    public static async Task ApplyAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await Execute(connection, transaction, $"SELECT pg_advisory_xact_lock({MigrationLock})", cancellationToken);
        foreach (var script in Scripts)
        {
            var sql = Read(script);
            await Execute(connection, transaction, sql, cancellationToken);
            await using var record = new NpgsqlCommand(
                "INSERT INTO sla_schema_history (script, checksum) VALUES (@script, @checksum) " +
                "ON CONFLICT (script) DO UPDATE SET checksum = excluded.checksum, applied_at = now()", connection, transaction);
            record.Parameters.AddWithValue("script", script[ResourcePrefix.Length..]);
            record.Parameters.AddWithValue("checksum", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql))));
            await record.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Read(string resource)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
