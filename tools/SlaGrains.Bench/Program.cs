using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Npgsql;
using SlaGrains.Bench;
using SlaGrains.Tests.Shared.Postgres;
using SlaGrains.Tests.Shared.Webhooks;

// dotnet run -c Release --project tools/SlaGrains.Bench -- [--seconds 20] [--warmup 15] [--rounds 4] [--concurrency 32] [--cases 1000] [--clients 1000] [--only memory|postgres|facts|hanging|reports|hub[,...]] [--queues 10 --rate 20] [--facts 1000000 --what-if-cases 10000 --lag-samples 200] [--group-commit on|off|ab] [--port-offset 0] [--only builds --other-build DIR [--other-env NAME=VALUE,...]] [--only cluster --cluster http://127.0.0.1:5080 --key dev-admin-key]
// Needs a Release build of the host (dotnet build -c Release) and the local PostgreSQL (scripts/postgres-up.sh).
var seconds = Arg("--seconds", 20);
var concurrency = Arg("--concurrency", 32);
var caseCount = Arg("--cases", 1000);
var clientCount = Arg("--clients", 1000);
var only = ArgText("--only")?.Split(','); // some halves, e.g. while profiling
// off: the PostgreSQL host writes grain state through Orleans' ADO.NET provider alone. ab: both, each host on its own
// database, their loads interleaved in the same slices, so the machine's drift lands on both sides of the comparison.
var groupCommit = ArgText("--group-commit") ?? "on";
// A running cluster's front-end (scripts/cluster.sh), driven beside a single PostgreSQL host started here.
var clusterUrl = ArgText("--cluster");
var clusterKey = ArgText("--key") ?? "dev-admin-key";
var warmup = Arg("--warmup", 15);
HostProcess.PortOffset = Arg("--port-offset", 0); // hosts listen on 5310 and up, plus this
var rounds = Arg("--rounds", 4); // the measured seconds of a figure and its limit, taken in this many alternating slices
var load = new Load.Shape(concurrency, TimeSpan.FromSeconds(warmup), TimeSpan.FromSeconds(seconds));
var root = FindRoot();
var server = Databases.Server;
var rows = new List<string>();
const int CapacityCases = 20_000;
const double GiB24 = 24.0 * 1024 * 1024 * 1024;
const int ViolationEvery = 100;
Console.WriteLine($"SlaGrains benchmark: {seconds} s per measurement in {rounds} alternating slices after {warmup} s of warm-up, concurrency {concurrency}, {caseCount} cases, {clientCount} hub clients, {Environment.ProcessorCount} cores");

(Load.Result Single, Load.Result Batch)? inMemory = null; // PostgreSQL's rates are also taken against these
if (Runs("memory"))
    await MeasureInMemory();
if (Runs("hanging"))
    await MeasureHangingReceiver();
if (Runs("postgres"))
    await MeasurePostgres();
if (Runs("facts"))
    await MeasureReportFacts();
if (only?.Contains("builds") == true) // only when asked: it needs another build
    await MeasureBuilds(ArgText("--other-build") ?? throw new InvalidOperationException("--only builds needs --other-build DIR: a checkout with its own Release build"),
        OtherEnvironment(ArgText("--other-env")));
if (only?.Contains("cluster") == true)
    await MeasureCluster();
if (only?.Contains("reports") == true) // only when asked: it writes a million facts
    await ReportsBench.Run(root, server, rows, Arg("--facts", 1_000_000), Arg("--what-if-cases", 10_000), Arg("--lag-samples", 200));
if (only?.Contains("hub") == true) // only when asked: it holds a thousand connections open
    await HubFanOut.Run(root, rows, clientCount, Arg("--queues", 10), Arg("--rate", 20), seconds);

Console.WriteLine();
Console.WriteLine("| what | figure | limit (same run) / goal | ratio |");
Console.WriteLine("| --- | --- | --- | --- |");
rows.ForEach(Console.WriteLine);
Console.WriteLine();
Console.WriteLine($"command: dotnet run -c Release --project tools/SlaGrains.Bench -- --seconds {seconds} --warmup {warmup} --rounds {rounds} --concurrency {concurrency} --cases {caseCount} --clients {clientCount}{(only is null ? "" : $" --only {string.Join(',', only)}")}{(only?.Contains("hub") == true ? $" --queues {Arg("--queues", 10)} --rate {Arg("--rate", 20)}" : "")}{(groupCommit == "on" ? "" : $" --group-commit {groupCommit}")}{(only?.Contains("builds") == true ? $" --other-build {ArgText("--other-build")}{(ArgText("--other-env") is { } otherEnv ? $" --other-env {otherEnv}" : "")}" : "")}");
return 0;

bool Runs(string half) => only is null || only.Contains(half);

static (Load.Result, Load.Result, Load.Result) Three(Load.Result[] results) => (results[0], results[1], results[2]);

void Report(string what, Load.Result result, Load.Result limit, double goal, string limitName = "no-op grain endpoint")
{
    var ratio = result.PerSecond / limit.PerSecond;
    Console.WriteLine($"  {what}: {result}");
    static string Cpu(Load.Result r) => r.HostCpuUs is { } us ? $", host CPU {us:N0} µs/event" : "";
    rows.Add($"| {what} | {result.PerSecond:N0}/s, p50 {result.P50Ms:N1} ms, p99 {result.P99Ms:N1} ms{Cpu(result)} | {limitName} {limit.PerSecond:N0}/s, p99 {limit.P99Ms:N1} ms{Cpu(limit)}; goal ≥ {goal:0.##}× | {ratio:0.00}× ({(ratio >= goal ? "met" : "missed")}) |");
}

// ---- in-memory host: ingestion against a no-op grain, push latency, deadline precision, memory per case ----------
async Task MeasureInMemory()
{
    await using var host = await HostProcess.Start(root, 5310, postgres: null);
    using var http = Client(host);
    var cases = await OpenCases(http, "mem", caseCount, minutes: 600);
    var perCase = await MemoryPerActiveCase(host, http, "mem-extra", milestones: 1);

    var results = await Load.Compare(load, rounds,
        new("no-op grain endpoint (limit)", async n => (await http.PostAsync($"/bench/noop/{cases[(int)(n % cases.Count)]}", null)).IsSuccessStatusCode, HostCpu: host.Cpu),
        new("single events, in memory", n => PostEvent(http, cases, n), HostCpu: host.Cpu),
        new("batches of 100, in memory", n => PostBatch(http, cases, n, 100), 100, host.Cpu));
    var (noop, single, batch) = Three(results);
    inMemory = (single, batch);
    Report("Ingestion, in memory: single events", single, noop, 0.60);
    Report("Ingestion, in memory: batch (events/s)", batch, single, 3.0, limitName: "single-event rate");

    var push = await PushLatency(host, http, cases, clientCount);
    rows.Add($"| Push latency ({clientCount} SignalR clients) | p50 {push.P50:N1} ms, p99 {push.P99:N1} ms over {push.Samples} pushes | goal p99 ≤ 100 ms | {(push.P99 <= 100 ? "met" : "missed")} |");

    var lateness = await DeadlineLateness(http, 100);
    rows.Add($"| Deadline precision (webhook received − target, {lateness.Measured} deadlines; opening them took {lateness.OpeningSeconds:N1} s) | p50 {lateness.P50:N0} ms, p99 {lateness.P99:N0} ms | goal p99 ≤ 1 s | {(lateness.P99 <= 1000 && lateness.Measured > 0 ? "met" : "missed")} |");
    rows.Add($"| Memory per active case (in memory, {CapacityCases:N0} cases, 1 milestone) | {perCase:N0} bytes (process RSS growth) | {GiB24 / perCase:N0} active cases in 24 GiB | — |");
}

// ---- PostgreSQL host: ingestion against raw Npgsql upserts, storage per case ------------------------------------
async Task MeasurePostgres()
{
    var database = $"sla_bench_{Environment.ProcessId}";
    await Databases.Execute(server, $"CREATE DATABASE {database}");
    // The host's pool plus the raw upserts' 32 connections stay under PostgreSQL's default max_connections (100):
    // past it the server refuses connections and every writer stalls (docs/operations.md, "Connection pools").
    // Prepared statements and no reset on close are what SlaStorage gives Orleans' providers: the limit gets them too.
    var postgres = new NpgsqlConnectionStringBuilder(server)
    {
        Database = database, MaxPoolSize = 50, MaxAutoPrepare = 32, NoResetOnClose = true,
    }.ConnectionString;
    try
    {
        var providerAlone = new Dictionary<string, string> { ["Sla__Storage__GroupCommit__Enabled"] = "false" };
        await using var host = await HostProcess.Start(root, 5311, postgres, groupCommit == "off" ? providerAlone : null);
        using var http = Client(host);
        var cases = await OpenCases(http, "pg", caseCount, minutes: 600);
        HostProcess? other = null;
        HttpClient? otherHttp = null;
        List<string> otherCases = [];
        if (groupCommit == "ab")
        {
            await Databases.Execute(server, $"CREATE DATABASE {database}_b");
            other = await HostProcess.Start(root, 5313, new NpgsqlConnectionStringBuilder(postgres) { Database = $"{database}_b", MaxPoolSize = 20 }.ConnectionString, providerAlone);
            otherHttp = Client(other);
            otherCases = await OpenCases(otherHttp, "pg", caseCount, minutes: 600);
        }
        await Databases.Execute(postgres, "CREATE TABLE bench_upserts (id text PRIMARY KEY, payload bytea NOT NULL, version int NOT NULL)");
        var payload = new byte[600];
        await using var source = NpgsqlDataSource.Create(postgres);
        Load.Workload[] workloads = [
            new("raw Npgsql upserts (limit)", async n =>
            {
                await using var command = source.CreateCommand(
                    "INSERT INTO bench_upserts (id, payload, version) VALUES ($1, $2, 1) ON CONFLICT (id) DO UPDATE SET payload = excluded.payload, version = bench_upserts.version + 1");
                command.Parameters.AddWithValue((n % caseCount).ToString(CultureInfo.InvariantCulture));
                command.Parameters.AddWithValue(payload);
                await command.ExecuteNonQueryAsync();
                return true;
            }),
            new("single events, PostgreSQL", n => PostEvent(http, cases, n), HostCpu: host.Cpu),
            new("batches of 100, PostgreSQL", n => PostBatch(http, cases, n, 100), 100, host.Cpu),
            .. other is null ? Array.Empty<Load.Workload>() :
            [
                new("single events, PostgreSQL, provider alone", n => PostEvent(otherHttp!, otherCases, n), HostCpu: other.Cpu),
                new("batches of 100, PostgreSQL, provider alone", n => PostBatch(otherHttp!, otherCases, n, 100), 100, other.Cpu),
            ]];
        var measured = await Load.Compare(load, rounds, workloads);
        var (upserts, single, batch) = Three(measured);
        if (other is not null)
        {
            Report("Ingestion, PostgreSQL, Orleans' provider alone: single events", measured[3], upserts, 0.50, limitName: "raw single-row upserts");
            Report("Ingestion, PostgreSQL: single events, group commit against provider alone", single, measured[3], 1.0, limitName: "provider alone");
            Report("Ingestion, PostgreSQL: batch (events/s), group commit against provider alone", batch, measured[4], 1.0, limitName: "provider alone");
            otherHttp!.Dispose();
            await other.DisposeAsync();
        }
        Report("Ingestion, PostgreSQL: single events", single, upserts, 0.50, limitName: "raw single-row upserts");
        Report("Ingestion, PostgreSQL: batch (events/s)", batch, single, 3.0, limitName: "single-event rate");
        if (inMemory is { } memory)
        {
            Report("Ingestion, PostgreSQL: single events against in memory", single, memory.Single, 0.50, limitName: "in-memory single events");
            Report("Ingestion, PostgreSQL: batch (events/s) against in memory", batch, memory.Batch, 0.50, limitName: "in-memory batches");
        }
        // Latency at low load: one client, so no batch forms and each write waits for nothing but its own commit.
        var lone = (await Load.Compare(load with { Concurrency = 1, Warmup = TimeSpan.FromSeconds(Math.Min(warmup, 5)) }, rounds,
            new Load.Workload("single events, PostgreSQL, 1 client", n => PostEvent(http, cases, n), HostCpu: host.Cpu)))[0];
        Console.WriteLine($"  single events at 1 client: {lone}");
        rows.Add($"| Latency, PostgreSQL: single events at 1 client | p50 {lone.P50Ms:N1} ms, p99 {lone.P99Ms:N1} ms, {lone.PerSecond:N0}/s | — | — |");

        var perCase = await MemoryPerActiveCase(host, http, "pg-capacity", milestones: 3);
        rows.Add($"| Capacity: memory per active case (PostgreSQL, {CapacityCases:N0} cases, 3 milestones) | {perCase:N0} bytes (process RSS growth) | goal ≥ 1,000,000 open cases in 24 GiB: {GiB24 / perCase:N0} even if every case stays active | {GiB24 / perCase / 1_000_000:0.00}× ({(GiB24 / perCase >= 1_000_000 ? "met" : "missed")}) |");

        var bytes = await Scalar(postgres, "SELECT pg_total_relation_size('sla_grain_state')");
        var rowsStored = await Scalar(postgres, "SELECT count(*) FROM sla_grain_state WHERE grain_type = 'case'");
        rows.Add($"| Storage per case (PostgreSQL, dormant) | {bytes / (double)Math.Max(1, rowsStored):N0} bytes per grain-state row incl. indexes | — | — |");
    }
    finally
    {
        await Databases.Drop(server, database);
        if (groupCommit == "ab")
        {
            await Databases.Drop(server, $"{database}_b");
        }
    }
}

// ---- what report facts cost single events: the same host with reports on and off (Sla:Reports:Enabled), interleaved --
async Task MeasureReportFacts()
{
    var off = new Dictionary<string, string> { ["Sla__Reports__Enabled"] = "false" };
    async Task Compare(string storage, string? on, string? without, int port)
    {
        await using var withFacts = await HostProcess.Start(root, port, on);
        await using var withoutFacts = await HostProcess.Start(root, port + 1, without, off);
        using var onHttp = Client(withFacts);
        using var offHttp = Client(withoutFacts);
        var onCases = await OpenCases(onHttp, "facts", caseCount, minutes: 600);
        var offCases = await OpenCases(offHttp, "facts", caseCount, minutes: 600);
        var results = await Load.Compare(load, rounds,
            new($"single events, {storage}, reports off", n => PostEvent(offHttp, offCases, n), HostCpu: withoutFacts.Cpu),
            new($"single events, {storage}, reports on", n => PostEvent(onHttp, onCases, n), HostCpu: withFacts.Cpu));
        // Issue 22: report facts cost ingestion at most 15% of its rate.
        Report($"Report facts' cost to ingestion, {storage}: single events with reports on against off", results[1], results[0], 0.85,
            limitName: "reports off (Sla:Reports:Enabled=false)");
    }

    await Compare("in memory", null, null, 5320);
    var database = $"sla_bench_facts_{Environment.ProcessId}";
    await Databases.Execute(server, $"CREATE DATABASE {database}");
    await Databases.Execute(server, $"CREATE DATABASE {database}_off");
    try
    {
        // Two hosts' pools under PostgreSQL's default max_connections (docs/operations.md, "Connection pools").
        var on = new NpgsqlConnectionStringBuilder(server) { Database = database, MaxPoolSize = 20, MaxAutoPrepare = 32, NoResetOnClose = true };
        await Compare("PostgreSQL", on.ConnectionString, new NpgsqlConnectionStringBuilder(on.ConnectionString) { Database = $"{database}_off" }.ConnectionString, 5322);
    }
    finally
    {
        await Databases.Drop(server, database);
        await Databases.Drop(server, $"{database}_off");
    }
}

// ---- this build against another, in memory and on PostgreSQL, all four hosts' loads interleaved in the same slices ----
// The memory and postgres halves run minutes apart, so the machine's drift lands between PostgreSQL's rate and the
// in-memory rate it is divided by; here each ratio, and each build's, is taken from alternating slices.
// With --other-env the other build's hosts also get those environment variables (a setting or a runtime knob), so the
// other build may be this one: a setting's A/B.
async Task MeasureBuilds(string otherRoot, Dictionary<string, string>? otherEnvironment)
{
    var database = $"sla_bench_builds_{Environment.ProcessId}";
    await Databases.Execute(server, $"CREATE DATABASE {database}");
    await Databases.Execute(server, $"CREATE DATABASE {database}_other");
    try
    {
        // Two hosts' pools under PostgreSQL's default max_connections (docs/operations.md, "Connection pools").
        var pg = new NpgsqlConnectionStringBuilder(server) { Database = database, MaxPoolSize = 20, MaxAutoPrepare = 32, NoResetOnClose = true };
        var pgOther = new NpgsqlConnectionStringBuilder(pg.ConnectionString) { Database = $"{database}_other" };
        await using var memoryThis = await HostProcess.Start(root, 5340, null);
        await using var memoryOther = await HostProcess.Start(otherRoot, 5341, null, otherEnvironment);
        await using var postgresThis = await HostProcess.Start(root, 5342, pg.ConnectionString);
        await using var postgresOther = await HostProcess.Start(otherRoot, 5343, pgOther.ConnectionString, otherEnvironment);
        HostProcess[] hosts = [memoryThis, memoryOther, postgresThis, postgresOther];
        string[] names = ["in memory, this build", "in memory, other build", "PostgreSQL, this build", "PostgreSQL, other build"];
        var clients = hosts.Select(Client).ToArray();
        var cases = new List<string>[hosts.Length];
        for (var i = 0; i < hosts.Length; i++)
        {
            cases[i] = await OpenCases(clients[i], "builds", caseCount, minutes: 600);
        }
        var single = await Load.Compare(load, rounds, [.. hosts.Select((h, i) =>
            new Load.Workload($"single events, {names[i]}", n => PostEvent(clients[i], cases[i], n), HostCpu: h.Cpu))]);
        var batch = await Load.Compare(load, rounds, [.. hosts.Select((h, i) =>
            new Load.Workload($"batches of 100, {names[i]}", n => PostBatch(clients[i], cases[i], n, 100), 100, h.Cpu))]);
        foreach (var (what, results) in new[] { ("single events", single), ("batch (events/s)", batch) })
        {
            Report($"Ingestion, PostgreSQL against in memory, this build: {what}", results[2], results[0], 0.5, limitName: "in memory, this build");
            Report($"Ingestion, PostgreSQL against in memory, other build: {what}", results[3], results[1], 0.5, limitName: "in memory, other build");
            Report($"Ingestion, PostgreSQL: {what}, this build against the other", results[2], results[3], 1.0, limitName: "other build");
            Report($"Ingestion, in memory: {what}, this build against the other", results[0], results[1], 1.0, limitName: "other build");
        }
        foreach (var client in clients)
        {
            client.Dispose();
        }
    }
    finally
    {
        await Databases.Drop(server, database);
        await Databases.Drop(server, $"{database}_other");
    }
}

// ---- a cluster (its silos and front-ends on one PostgreSQL) beside one PostgreSQL process, interleaved ------------
async Task MeasureCluster()
{
    var url = new Uri(clusterUrl ?? throw new InvalidOperationException("--only cluster needs --cluster URL (scripts/cluster.sh start 2 1)"));
    var database = $"sla_bench_{Environment.ProcessId}";
    await Databases.Execute(server, $"CREATE DATABASE {database}");
    var postgres = new NpgsqlConnectionStringBuilder(server) { Database = database, MaxPoolSize = 30 }.ConnectionString;
    try
    {
        await using var host = await HostProcess.Start(root, 5311, postgres);
        using var http = Client(host);
        using var clusterHttp = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1000 }) { BaseAddress = url, Timeout = TimeSpan.FromSeconds(60) };
        clusterHttp.DefaultRequestHeaders.Add("X-Api-Key", clusterKey);
        var cases = await OpenCases(http, "pg", caseCount, minutes: 600);
        var clusterCases = await OpenCases(clusterHttp, $"cl{Environment.ProcessId}", caseCount, minutes: 600);
        var results = await Load.Compare(load, rounds,
            new("single events, one process", n => PostEvent(http, cases, n), HostCpu: host.Cpu),
            new("single events, cluster", n => PostEvent(clusterHttp, clusterCases, n)),
            new("batches of 100, one process", n => PostBatch(http, cases, n, 100), 100, host.Cpu),
            new("batches of 100, cluster", n => PostBatch(clusterHttp, clusterCases, n, 100), 100));
        Report("Ingestion, PostgreSQL cluster: single events (aggregate)", results[1], results[0], 1.0, limitName: "one process");
        Report("Ingestion, PostgreSQL cluster: batch (events/s, aggregate)", results[3], results[2], 1.0, limitName: "one process");
    }
    finally
    {
        await Databases.Drop(server, database);
    }
}

// ---- single events while a subscribed webhook receiver accepts connections and never answers (issue 20) ----------
async Task MeasureHangingReceiver()
{
    await using var host = await HostProcess.Start(root, 5312, postgres: null);
    using var http = Client(host);
    var cases = await OpenCases(http, "hang-base", caseCount, minutes: 600);
    await using var hanging = await SubscribeHangingReceiver(http, "hang");
    // The same mix both ways: the violations of the first go to a process without webhook actions.
    var results = await Load.Compare(load, rounds,
        new("single events and violations, no webhook", n => PostEventOrViolation(http, cases, n, "hang-quiet"), HostCpu: host.Cpu),
        new("single events and violations, hanging webhook receiver", n => PostEventOrViolation(http, cases, n, "hang"), HostCpu: host.Cpu));
    Report($"Ingestion, in memory: single events with a hanging webhook receiver (1 in {ViolationEvery} opens a case violated on arrival; {hanging.Connections} connections accepted, none answered)",
        results[1], results[0], 0.9, limitName: "the same without the webhook");
}

int Arg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

static Dictionary<string, string>? OtherEnvironment(string? pairs) =>
    pairs?.Split(',').Select(pair => pair.Split('=', 2)).ToDictionary(
        pair => pair[0], pair => pair.Length == 2 ? pair[1] : throw new ArgumentException($"--other-env takes NAME=VALUE pairs, not '{pair[0]}'"));

string? ArgText(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

static HttpClient Client(HostProcess host)
{
    var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1000 }) { BaseAddress = host.Url, Timeout = TimeSpan.FromSeconds(60) };
    http.DefaultRequestHeaders.Add("X-Api-Key", HostProcess.Key);
    return http;
}

/// <summary>Process RSS growth per case while opening <see cref="CapacityCases"/> cases that all stay active.</summary>
static async Task<double> MemoryPerActiveCase(HostProcess host, HttpClient http, string prefix, int milestones)
{
    var before = host.ResidentBytes();
    var opened = await OpenCases(http, prefix, CapacityCases, minutes: 600, milestones);
    return (host.ResidentBytes() - before) / (double)opened.Count;
}

static async Task<List<string>> OpenCases(HttpClient http, string prefix, int count, int minutes, int milestones = 1)
{
    object[] definitions =
    [
        new { name = "First Response", minutes, completedBy = new[] { "agentReplied" }, warnings = new[] { new { atPercent = 75 } } },
        new { name = "Next Response", minutes, recurrence = "independent", startedBy = new[] { "customerReplied" }, completedBy = new[] { "agentReplied" } },
        new { name = "Resolution", minutes = minutes * 8 }, // completed when the case closes
    ];
    (await http.PutAsJsonAsync($"/api/v1/processes/{prefix}", new { name = prefix, milestones = definitions[..milestones] })).EnsureSuccessStatusCode();
    (await http.PutAsJsonAsync($"/api/v1/entitlements/{prefix}", new { name = prefix, accountId = prefix, processId = prefix, startDate = "2025-01-01" })).EnsureSuccessStatusCode();
    (await http.PutAsJsonAsync($"/api/v1/processes/{prefix}-quiet", new { name = prefix, milestones = new[] { new { name = "Deadline", minutes = 60 } } })).EnsureSuccessStatusCode();
    (await http.PutAsJsonAsync($"/api/v1/entitlements/{prefix}-quiet", new { name = prefix, accountId = prefix, processId = $"{prefix}-quiet", startDate = "2025-01-01" })).EnsureSuccessStatusCode();
    var ids = Enumerable.Range(0, count).Select(i => $"{prefix}-{i}").ToList();
    foreach (var chunk in ids.Chunk(500))
    {
        var batch = chunk.Select(id => new { caseId = id, eventId = "open", type = "opened", @case = new { entitlementId = prefix, priority = "High", queue = prefix } });
        (await http.PostAsJsonAsync("/api/v1/events", batch)).EnsureSuccessStatusCode();
        Progress.Show($"opening {prefix} cases: {ids.IndexOf(chunk[^1]) + 1:N0}/{count:N0}");
    }
    Progress.Clear();
    return ids;
}

static async Task<bool> PostEvent(HttpClient http, List<string> cases, long n)
{
    using var response = await http.PostAsync($"/api/v1/cases/{cases[(int)(n % cases.Count)]}/events", Json(
        n % 2 == 0
            ? new { eventId = $"u{n}", type = "updated", changes = (object)new { customFields = new { n = n.ToString(CultureInfo.InvariantCulture) } } }
            : new { eventId = $"u{n}", type = "customerReplied", changes = (object)null! }));
    return response.IsSuccessStatusCode;
}

/// <summary>
/// A process whose milestone is violated on arrival with a webhook action, an entitlement to it, and a webhook to a
/// receiver that accepts connections and never answers, subscribed to violations. The host allow-lists 127.0.0.1.
/// </summary>
static async Task<HangingReceiver> SubscribeHangingReceiver(HttpClient http, string prefix)
{
    var receiver = new HangingReceiver();
    receiver.Start();
    (await http.PutAsJsonAsync($"/api/v1/processes/{prefix}", new
    {
        name = prefix,
        milestones = new[] { new { name = "Deadline", minutes = 60, actions = new[] { new { when = "violation", type = "webhook" } } } },
    })).EnsureSuccessStatusCode();
    (await http.PutAsJsonAsync($"/api/v1/entitlements/{prefix}", new { name = prefix, accountId = prefix, processId = prefix, startDate = "2025-01-01" })).EnsureSuccessStatusCode();
    (await http.PutAsJsonAsync($"/api/v1/processes/{prefix}-quiet", new { name = prefix, milestones = new[] { new { name = "Deadline", minutes = 60 } } })).EnsureSuccessStatusCode();
    (await http.PutAsJsonAsync($"/api/v1/entitlements/{prefix}-quiet", new { name = prefix, accountId = prefix, processId = $"{prefix}-quiet", startDate = "2025-01-01" })).EnsureSuccessStatusCode();
    (await http.PutAsJsonAsync($"/api/v1/webhooks/{prefix}", new { url = receiver.Url, events = new[] { "milestone.violated" }, secret = "bench-secret-0123456789" })).EnsureSuccessStatusCode();
    return receiver;
}

/// <summary>The single-event mix, except that every <see cref="ViolationEvery"/>th event opens a case of entitlement
/// <paramref name="entitlement"/> violated on arrival: with the webhook action, a notice for the hanging receiver.</summary>
static async Task<bool> PostEventOrViolation(HttpClient http, List<string> cases, long n, string entitlement)
{
    if (n % ViolationEvery != 0)
    {
        return await PostEvent(http, cases, n);
    }
    using var response = await http.PostAsync($"/api/v1/cases/{entitlement}-{n}/events", Json(new
    {
        eventId = "open", type = "opened", occurredAt = DateTimeOffset.UtcNow.AddMinutes(-61).ToString("O", CultureInfo.InvariantCulture),
        @case = new { entitlementId = entitlement },
    }));
    return response.IsSuccessStatusCode;
}

static async Task<bool> PostBatch(HttpClient http, List<string> cases, long n, int size)
{
    var batch = Enumerable.Range(0, size).Select(i => new
    {
        caseId = cases[(int)((n * size + i) % cases.Count)],
        eventId = $"b{n}-{i}",
        type = "updated",
        changes = new { customFields = new { n = n.ToString(CultureInfo.InvariantCulture) } },
    });
    using var response = await http.PostAsync("/api/v1/events", Json(batch));
    return response.IsSuccessStatusCode;
}

/// <summary>
/// A JSON body with its Content-Length, as integrations that build their payload before sending it post: .NET's
/// PostAsJsonAsync would stream it chunked instead, costing both ends (on the same two cores) a chunk framing.
/// </summary>
static ByteArrayContent Json<T>(T body)
{
    var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, JsonSerializerOptions.Web));
    content.Headers.ContentType = new("application/json");
    return content;
}

/// <summary>
/// Time from an event's acknowledgement to its caseChanged arriving at a client subscribed to that case. A push that
/// beats the acknowledgement to the client counts as zero.
/// </summary>
static async Task<(double P50, double P99, int Samples)> PushLatency(HostProcess host, HttpClient http, List<string> cases, int clients)
{
    var watching = new ConcurrentDictionary<string, bool>();
    var arrivals = new ConcurrentDictionary<string, long>();
    var connections = new List<HubConnection>();
    for (var i = 0; i < clients; i++)
    {
        var caseId = cases[i % cases.Count];
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(host.Url, "/hubs/sla"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(HostProcess.Key))
            .Build();
        connection.On<JsonElement>("caseChanged", snapshot =>
        {
            var id = snapshot.GetProperty("caseId").GetString()!;
            if (watching.ContainsKey(id))
            {
                arrivals.TryAdd(id, Stopwatch.GetTimestamp());
            }
        });
        await connection.StartAsync();
        await connection.InvokeAsync<JsonElement?>("SubscribeCase", caseId);
        connections.Add(connection);
        Progress.Show($"hub clients connected: {i + 1}/{clients}");
    }
    Progress.Clear();

    // One event every 20 ms, each to a different subscribed case: latency is measured, not queueing behind our own load.
    var acks = new Dictionary<string, long>();
    for (var n = 0; n < Math.Min(300, Math.Min(clients, cases.Count)); n++)
    {
        var caseId = cases[n];
        watching[caseId] = true;
        using var response = await http.PostAsJsonAsync($"/api/v1/cases/{caseId}/events", new { eventId = $"push-{n}", type = "customerReplied" });
        acks[caseId] = Stopwatch.GetTimestamp();
        await Task.Delay(20);
    }
    await Task.Delay(2000);
    foreach (var connection in connections)
    {
        await connection.DisposeAsync();
    }
    var sorted = acks.Where(a => arrivals.ContainsKey(a.Key))
        .Select(a => Math.Max(0, Stopwatch.GetElapsedTime(a.Value, arrivals[a.Key]).TotalMilliseconds))
        .Order().ToArray();
    return (Load.Percentile(sorted, 0.5), Load.Percentile(sorted, 0.99), sorted.Length);
}

/// <summary>
/// Cases whose one-minute targets fall due 10-30 s from now; lateness = webhook receipt − target. A case whose opening
/// was acknowledged only after its target measures the opening, not the deadline: it is left out and the row says how
/// long opening took.
/// </summary>
static async Task<(double P50, double P99, int Measured, double OpeningSeconds)> DeadlineLateness(HttpClient http, int count)
{
    await using var receiver = new Receiver();
    await receiver.StartAsync();
    (await http.PutAsJsonAsync("/api/v1/processes/late", new
    {
        name = "late",
        milestones = new[] { new { name = "Deadline", minutes = 1, actions = new[] { new { when = "violation", type = "webhook" } } } },
    })).EnsureSuccessStatusCode();
    (await http.PutAsJsonAsync("/api/v1/entitlements/late", new { name = "late", accountId = "late", processId = "late", startDate = "2025-01-01" })).EnsureSuccessStatusCode();
    (await http.PutAsJsonAsync("/api/v1/webhooks/late", new { url = receiver.Url, events = new[] { "milestone.violated" }, secret = "bench-secret-0123456789" })).EnsureSuccessStatusCode();
    var start = DateTimeOffset.UtcNow;
    var targets = new Dictionary<string, DateTimeOffset>();
    for (var i = 0; i < count; i++)
    {
        var target = start + TimeSpan.FromSeconds(10 + 20.0 * i / count);
        var id = $"late-{i}";
        targets[$"{id}/deadline#1/violation/0m"] = target;
        (await http.PostAsJsonAsync($"/api/v1/cases/{id}/events", new
        {
            eventId = "open", type = "opened", occurredAt = (target - TimeSpan.FromMinutes(1)).ToString("O", CultureInfo.InvariantCulture),
            @case = new { entitlementId = "late" },
        })).EnsureSuccessStatusCode();
        if (DateTimeOffset.UtcNow >= target)
        {
            targets.Remove($"{id}/deadline#1/violation/0m");
        }
    }
    var openingSeconds = (DateTimeOffset.UtcNow - start).TotalSeconds;
    var deadline = DateTime.UtcNow.AddSeconds(90);
    while (receiver.Received.Count(r => targets.ContainsKey(r.Key)) < targets.Count && DateTime.UtcNow < deadline)
    {
        Progress.Show($"deadlines fired: {receiver.Received.Count}/{count}");
        await Task.Delay(500);
    }
    Progress.Clear();
    var lateness = receiver.Received.Where(r => targets.ContainsKey(r.Key)).Select(r => (r.Value - targets[r.Key]).TotalMilliseconds).Order().ToArray();
    return (Load.Percentile(lateness, 0.5), Load.Percentile(lateness, 0.99), targets.Count, openingSeconds);
}

static async Task<long> Scalar(string connectionString, string sql)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(sql, connection);
    return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
}

static string FindRoot()
{
    for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "SlaGrains.sln")))
        {
            return dir.FullName;
        }
    }
    throw new InvalidOperationException("Run the benchmark from inside the repository.");
}
