using Microsoft.Extensions.Logging.Abstractions;
using SlaGrains.Contracts.Reports;
using SlaGrains.Host.Reports;
using SlaGrains.Tests.Shared.Postgres;

namespace SlaGrains.Host.Tests.Reports;

/// <summary>The same suite on PostgreSQL: a fresh scratch database with the schema the host applies, per test.</summary>
public sealed class PostgresReportStoreTests : ReportStoreContract, IAsyncLifetime
{
    private TestDatabase _database = null!;
    private IReportStore _store = null!;

    protected override IReportStore Store => _store;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.Create();
        _store = new PostgresReportStore(_database.ConnectionString, NullLogger<PostgresReportStore>.Instance);
    }

    public async Task DisposeAsync()
    {
        await ((PostgresReportStore)_store).DisposeAsync();
        await _database.DisposeAsync();
    }
}
