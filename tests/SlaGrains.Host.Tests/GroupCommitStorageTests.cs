using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Orleans.Storage;
using SlaGrains.Contracts;
using SlaGrains.Host.Storage;
using SlaGrains.Tests.Shared.Postgres;

namespace SlaGrains.Host.Tests;

/// <summary>
/// The group-commit writer against a real PostgreSQL (a scratch database) beside Orleans' ADO.NET provider: the same
/// records either way, a version check per record inside a batch, whole batches failing in an outage, batch sizes.
/// </summary>
/// <remarks>
/// Batches are made deterministic by holding a row lock from the test: the writer's current batch waits on it while
/// the next writes queue behind, and they leave together once it is released.
/// </remarks>
public sealed class GroupCommitStorageTests(GroupCommitDatabase database) : IClassFixture<GroupCommitDatabase>, IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly ServiceProvider _meters = new ServiceCollection().AddMetrics().BuildServiceProvider();

    private IMeterFactory MeterFactory => _meters.GetRequiredService<IMeterFactory>();

    [Fact]
    public async Task The_host_writes_cases_through_the_writer_and_they_read_back_from_the_table()
    {
        Assert.IsType<GroupCommitGrainStorage>(database.Services.GetRequiredKeyedService<IGrainStorage>(Grains.StorageNames.Sla));
        using var sizes = new MetricCollector<int>(database.Services.GetRequiredService<IMeterFactory>(), Grains.Telemetry.SlaMetrics.MeterName, BatchMetrics.BatchSize);
        var admin = database.Client();
        var (_, entitlement, _) = await Scenario.Entitled(admin);
        var caseId = Api.Id("case");

        await (await admin.Post($"/api/v1/cases/{caseId}/events", Scenario.Opened("o", entitlement, DateTimeOffset.UtcNow))).Json();
        await (await admin.Post($"/api/v1/cases/{caseId}/events", new { eventId = "reply", type = "agentReplied" })).Json();

        Assert.NotEmpty(sizes.GetMeasurementSnapshot());
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT version FROM sla_grain_state WHERE grain_type = 'case' AND grain_id_key LIKE '%' || @id", connection);
        command.Parameters.AddWithValue("id", caseId);
        Assert.True((int)(await command.ExecuteScalarAsync())! >= 2); // opened, then the reply: each acknowledged write committed
    }

    [Fact]
    public async Task What_the_writer_writes_the_provider_reads_and_the_other_way_round()
    {
        using var writer = database.Writer(new GroupCommitOptions(), new BatchMetrics(MeterFactory));
        GrainId[] ids =
        [
            GrainId.Create("gc-test", $"case-{Guid.NewGuid():N}"),
            GrainId.Create(GrainType.Create("gc-test"), GrainIdKeyExtensions.CreateIntegerKey(Random.Shared.NextInt64())),
            GrainId.Create(GrainType.Create("gc-test"), GrainIdKeyExtensions.CreateGuidKey(Guid.NewGuid(), "ext")),
        ];
        foreach (var id in ids)
        {
            var written = new Record(["by the writer"]);
            await writer.WriteStateAsync("case", id, written);
            Assert.Equal("1", written.ETag);

            var read = await Read(database.Provider, "case", id);
            Assert.Equal(["by the writer"], read.State);
            Assert.Equal("1", read.ETag);
            Assert.True(read.RecordExists);

            read.State.Add("by the provider");
            await database.Provider.WriteStateAsync("case", id, read);
            var again = await Read(writer, "case", id);
            Assert.Equal(["by the writer", "by the provider"], again.State);
            Assert.Equal("2", again.ETag);

            again.State.Add("by the writer again");
            await writer.WriteStateAsync("case", id, again);
            Assert.Equal("3", again.ETag);
            Assert.Equal(["by the writer", "by the provider", "by the writer again"], (await Read(database.Provider, "case", id)).State);

            // Another record of the same grain (a sealed-log run) is its own row.
            var fresh = await Read(writer, "case-log-1", id);
            Assert.False(fresh.RecordExists);
            Assert.Null(fresh.ETag);
            Assert.Empty(fresh.State);
        }
    }

    [Fact]
    public async Task A_write_that_finds_the_writer_idle_goes_at_once_and_alone()
    {
        using var sizes = Sizes(out var metrics);
        using var writer = database.Writer(new GroupCommitOptions { Writers = 1 }, metrics);
        var id = NewId();
        var state = new Record([]);

        for (var i = 0; i < 3; i++)
        {
            state.State.Add($"write {i}");
            await writer.WriteStateAsync("case", id, state);
        }

        Assert.Equal([1, 1, 1], Values(sizes));
        Assert.Equal("3", state.ETag);
    }

    [Fact]
    public async Task A_stale_etag_inside_a_batch_fails_only_its_own_record()
    {
        using var sizes = Sizes(out var metrics);
        using var writer = database.Writer(new GroupCommitOptions { Writers = 1 }, metrics);
        var blocker = await Existing(writer, "blocker");
        var good = await Existing(writer, "good");
        var stale = await Existing(writer, "stale");
        await writer.WriteStateAsync("case", stale.Id, new Record(["newer"]) { ETag = "1" });
        var fresh = NewId();
        sizes.Clear();

        Task[] writes;
        await using (await Lock(blocker.Id))
        {
            var first = writer.WriteStateAsync("case", blocker.Id, blocker.State);
            await WaitingOnLock();
            writes =
            [
                writer.WriteStateAsync("case", good.Id, new Record(["good, version 2"]) { ETag = "1" }),
                writer.WriteStateAsync("case", stale.Id, new Record(["stale, version 1"]) { ETag = "1" }),
                writer.WriteStateAsync("case", fresh, new Record(["fresh"])),
                first,
            ];
        }

        await Assert.ThrowsAsync<InconsistentStateException>(() => writes[1].WaitAsync(Patience));
        await Task.WhenAll(writes[0], writes[2], writes[3]).WaitAsync(Patience);
        Assert.Equal([1, 3], Values(sizes));
        Assert.Equal(["good, version 2"], (await Read(database.Provider, "case", good.Id)).State);
        Assert.Equal(["newer"], (await Read(database.Provider, "case", stale.Id)).State);
        Assert.Equal("2", (await Read(database.Provider, "case", stale.Id)).ETag);
        Assert.Equal(["fresh"], (await Read(database.Provider, "case", fresh)).State);
    }

    [Fact]
    public async Task Writers_of_one_record_in_one_batch_the_first_wins_and_the_others_conflict()
    {
        using var writer = database.Writer(new GroupCommitOptions { Writers = 1 }, new BatchMetrics(MeterFactory));
        var blocker = await Existing(writer, "blocker");
        var contested = await Existing(writer, "contested");

        Task held, first, second, third;
        await using (await Lock(blocker.Id))
        {
            held = writer.WriteStateAsync("case", blocker.Id, blocker.State);
            await WaitingOnLock();
            // Activations of one grain (say, on two silos for a moment) all read version 1.
            first = writer.WriteStateAsync("case", contested.Id, new Record(["first"]) { ETag = "1" });
            second = writer.WriteStateAsync("case", contested.Id, new Record(["second"]) { ETag = "1" });
            third = writer.WriteStateAsync("case", contested.Id, new Record(["third"]) { ETag = "1" });
        }

        await Task.WhenAll(held, first).WaitAsync(Patience);
        await Assert.ThrowsAsync<InconsistentStateException>(() => second.WaitAsync(Patience));
        await Assert.ThrowsAsync<InconsistentStateException>(() => third.WaitAsync(Patience));
        var stored = await Read(database.Provider, "case", contested.Id);
        Assert.Equal(["first"], stored.State);
        Assert.Equal("2", stored.ETag);
    }

    [Fact]
    public async Task Concurrent_writers_of_one_record_on_two_silos_never_lose_or_interleave_an_update()
    {
        using var one = database.Writer(new GroupCommitOptions { Writers = 2 }, new BatchMetrics(MeterFactory));
        using var two = database.Writer(new GroupCommitOptions { Writers = 2 }, new BatchMetrics(MeterFactory));
        var id = NewId();
        await one.WriteStateAsync("case", id, new Record([]));
        var appended = 0;

        // Each worker appends its items by read-modify-write, rereading after a conflict, as a grain reactivates.
        async Task Append(IGrainStorage storage, string worker)
        {
            for (var i = 0; i < 15; i++)
            {
                while (true)
                {
                    var state = await Read(storage, "case", id);
                    state.State.Add($"{worker}:{i}");
                    try
                    {
                        await storage.WriteStateAsync("case", id, state);
                        Interlocked.Increment(ref appended);
                        break;
                    }
                    catch (InconsistentStateException)
                    {
                    }
                }
            }
        }

        await Task.WhenAll(Append(one, "a"), Append(two, "b"), Append(one, "c"), Append(two, "d")).WaitAsync(TimeSpan.FromMinutes(2));

        var stored = await Read(database.Provider, "case", id);
        Assert.Equal(60, appended);
        Assert.Equal(60, stored.State.Count);
        Assert.Equal(60, stored.State.Distinct().Count());
        foreach (var worker in new[] { "a", "b", "c", "d" })
        {
            Assert.Equal(Enumerable.Range(0, 15).Select(i => $"{worker}:{i}"), stored.State.Where(s => s.StartsWith(worker + ":", StringComparison.Ordinal)));
        }
        Assert.Equal("61", stored.ETag);
    }

    [Fact]
    public async Task A_batch_never_exceeds_the_size_limit()
    {
        using var sizes = Sizes(out var metrics);
        using var writer = database.Writer(new GroupCommitOptions { Writers = 1, MaxBatchSize = 3 }, metrics);
        var blocker = await Existing(writer, "blocker");
        sizes.Clear();

        var writes = new List<Task>();
        var ids = Enumerable.Range(0, 8).Select(_ => NewId()).ToArray();
        await using (await Lock(blocker.Id))
        {
            writes.Add(writer.WriteStateAsync("case", blocker.Id, blocker.State));
            await WaitingOnLock();
            writes.AddRange(ids.Select(id => writer.WriteStateAsync("case", id, new Record([id.ToString()]))));
        }

        await Task.WhenAll(writes).WaitAsync(Patience);
        Assert.Equal([1, 3, 3, 2], Values(sizes));
        foreach (var id in ids)
        {
            Assert.Equal([id.ToString()], (await Read(database.Provider, "case", id)).State);
        }
    }

    [Fact]
    public async Task An_outage_mid_batch_fails_every_caller_and_applies_nothing()
    {
        using var writer = database.Writer(new GroupCommitOptions { Writers = 1 }, new BatchMetrics(MeterFactory));
        var records = new List<(GrainId Id, Record State)>();
        for (var i = 0; i < 4; i++)
        {
            records.Add(await Existing(writer, $"record {i}"));
        }
        // The batch locks its rows in key order: holding the last row's lock stops it after it has updated the others.
        var order = records.OrderBy(r => Key(r.Id), StoredGrainKey.LockOrder).ToList();
        var last = order[^1];

        Task blocked;
        var batch = new List<Task>();
        await using (await Lock(last.Id))
        {
            blocked = writer.WriteStateAsync("case", last.Id, new Record(["lone"]) { ETag = "1" });
            await WaitingOnLock();
            batch.AddRange(order.Select(r => writer.WriteStateAsync("case", r.Id, new Record(["changed"]) { ETag = "1" })));
            var lone = await Terminate(); // the lone write's backend
            await Assert.ThrowsAsync<StorageUnavailableException>(() => blocked.WaitAsync(Patience));
            await WaitingOnLock(except: lone); // the batch of four, its first three rows updated
            await using (var check = new NpgsqlConnection(database.ConnectionString))
            {
                await check.OpenAsync();
                await using var updatedSoFar = new NpgsqlCommand(
                    "SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a USING (pid) WHERE a.datname = current_database() AND a.wait_event_type = 'Lock' AND l.locktype = 'transactionid' AND l.granted", check);
                Assert.True((long)(await updatedSoFar.ExecuteScalarAsync())! >= 1); // it holds a transaction: rows written
            }
            await Terminate();
        }

        foreach (var write in batch)
        {
            await Assert.ThrowsAsync<StorageUnavailableException>(() => write.WaitAsync(Patience));
        }
        foreach (var (id, state) in records)
        {
            var stored = await Read(database.Provider, "case", id);
            Assert.Equal(state.State, stored.State);
            Assert.Equal("1", stored.ETag);
        }
        // Storage back: the next write of the same records goes through.
        await writer.WriteStateAsync("case", last.Id, last.State);
        Assert.Equal("2", last.State.ETag);
    }

    [Fact]
    public async Task Many_grains_activating_at_once_read_through_at_most_the_writers_connections()
    {
        using var writer = database.Writer(new GroupCommitOptions { Writers = 1, Connections = 3 }, new BatchMetrics(MeterFactory));
        var ids = new List<GrainId>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await Existing(writer, $"record {i}")).Id);
        }
        var before = await Backends();

        // Two hundred reads at once, as when a batch of cases activates: they queue for the pool's connections.
        var reads = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Read(writer, "case", ids[i % ids.Count]))).WaitAsync(Patience);

        Assert.All(reads, r => Assert.Equal("1", r.ETag));
        Assert.True(await Backends() - before <= 3, "the writer opened more connections than its pool allows");
    }

    [Fact]
    public async Task An_outage_is_logged_in_full_once_per_cause_per_interval_and_the_rest_counted()
    {
        var clock = new FakeTimeProvider();
        var log = new FakeLogger<GroupCommitGrainStorage>();
        // Loopback, nothing listening: every connection is refused.
        var refusing = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Host = "127.0.0.1", Port = UnusedPort(), Timeout = 5 }.ConnectionString;
        using var writer = database.Writer(new GroupCommitOptions { Writers = 1 }, new BatchMetrics(MeterFactory), refusing, log, clock);

        for (var i = 0; i < 5; i++)
        {
            await Assert.ThrowsAsync<StorageUnavailableException>(() => writer.WriteStateAsync("case", NewId(), new Record(["x"])));
        }
        await Assert.ThrowsAsync<StorageUnavailableException>(() => writer.ReadStateAsync("case", NewId(), new Record()));

        var first = Assert.Single(log.Collector.GetSnapshot());
        Assert.Equal(LogLevel.Error, first.Level);
        Assert.NotNull(first.Exception);
        clock.Advance(new GroupCommitOptions().LogInterval);
        var records = log.Collector.GetSnapshot();
        Assert.Equal(2, records.Count);
        Assert.Null(records[1].Exception);
        Assert.Contains("5 more time(s)", records[1].Message, StringComparison.Ordinal);
    }

    /// <summary>Sessions in the scratch database, the test's own query included.</summary>
    private async Task<long> Backends()
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static GrainId NewId() => GrainId.Create("gc-test", $"rec-{Guid.NewGuid():N}"); // a string key: the row names it in grain_id_key

    private StoredGrainKey Key(GrainId id) => StoredGrainKey.Of("slagrains", "sla-adonet", "case", id, new Record(),
        database.Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<Orleans.Configuration.AdoNetGrainStorageOptions>>().Get("sla-adonet").HashPicker);

    private static async Task<Record> Read(IGrainStorage storage, string stateName, GrainId id)
    {
        var state = new Record();
        await storage.ReadStateAsync(stateName, id, state);
        return state;
    }

    private static async Task<(GrainId Id, Record State)> Existing(GroupCommitGrainStorage storage, string content)
    {
        var id = NewId();
        var state = new Record([content]);
        await storage.WriteStateAsync("case", id, state);
        return (id, state);
    }

    /// <summary>Holds the row lock of <paramref name="id"/>'s record in a transaction of the test's own, until disposed.</summary>
    private async Task<IAsyncDisposable> Lock(GrainId id)
    {
        var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand("SELECT 1 FROM sla_grain_state WHERE grain_type = 'case' AND grain_id_key = @key FOR UPDATE", connection, transaction);
        command.Parameters.AddWithValue("key", id.Key.ToString()!);
        Assert.Equal(1, await command.ExecuteScalarAsync());
        return new Held(connection, transaction);
    }

    private sealed class Held(NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await transaction.RollbackAsync();
            await connection.DisposeAsync();
        }
    }

    /// <summary>Until a writer's batch waits on the test's row lock (PostgreSQL says so in pg_stat_activity).</summary>
    private async Task WaitingOnLock(int[]? except = null)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND NOT pid = ANY(@except)", connection);
        command.Parameters.AddWithValue("except", except ?? []);
        var deadline = DateTime.UtcNow + Patience;
        while ((long)(await command.ExecuteScalarAsync())! == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "no batch waited on the lock");
            await Task.Delay(10); // polling the server's own view of the wait; nothing to subscribe to
        }
    }

    /// <summary>Ends the backend of the batch waiting on the test's lock, as a crash or restart of PostgreSQL would.</summary>
    private async Task<int[]> Terminate()
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "WITH waiting AS MATERIALIZED (SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND usename = current_user AND wait_event_type = 'Lock') " +
            "SELECT pid FROM waiting WHERE pg_terminate_backend(pid)", connection);
        var pids = new List<int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            pids.Add(reader.GetInt32(0));
        }
        Assert.Single(pids);
        return [.. pids];
    }

    private MetricCollector<int> Sizes(out BatchMetrics metrics)
    {
        metrics = new BatchMetrics(MeterFactory);
        return new MetricCollector<int>(MeterFactory, Grains.Telemetry.SlaMetrics.MeterName, BatchMetrics.BatchSize);
    }

    private static int[] Values(MetricCollector<int> sizes) => [.. sizes.GetMeasurementSnapshot().Select(m => m.Value)];

    private static int UnusedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose() => _meters.Dispose();

    /// <summary>A grain's record as a grain holds it: a list Orleans' serializer knows, never null.</summary>
    private sealed class Record(List<string> state) : IGrainState<List<string>>
    {
        public Record() : this([])
        {
        }

        public List<string> State { get; set; } = state;

        List<string>? IGrainState<List<string>>.State
        {
            get => State;
            set => State = value ?? [];
        }
        public string? ETag { get; set; }
        public bool RecordExists { get; set; }
    }
}
