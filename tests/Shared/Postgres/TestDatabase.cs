using Npgsql;
using SlaGrains.Host.Storage;

namespace SlaGrains.Tests.Shared.Postgres;

/// <summary>
/// A fresh database on the test PostgreSQL server (<see cref="Databases.Server"/>) with SlaGrains' schema, dropped
/// afterwards.
/// </summary>
internal sealed class TestDatabase : IAsyncDisposable
{
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
        await Databases.Execute(Databases.Server, $"CREATE DATABASE {name}");
        var database = new TestDatabase(name, new NpgsqlConnectionStringBuilder(Databases.Server) { Database = name }.ConnectionString);
        await PostgresSchema.ApplyAsync(database.ConnectionString);
        return database;
    }

    /// <summary>Simulates an outage: refuses new connections to this database and ends the open ones.</summary>
    public async Task Refuse()
    {
        await Databases.Execute(Databases.Server, $"ALTER DATABASE {Name} WITH ALLOW_CONNECTIONS false");
        await Databases.Execute(Databases.Server, $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{Name}' AND usename = current_user");
    }

    public Task Allow() => Databases.Execute(Databases.Server, $"ALTER DATABASE {Name} WITH ALLOW_CONNECTIONS true");

    public async ValueTask DisposeAsync() => await Databases.Drop(Databases.Server, Name);
}
