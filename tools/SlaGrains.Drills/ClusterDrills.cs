using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Npgsql;

namespace SlaGrains.Drills;

/// <summary>The reliability drills (docs/operations.md), run against a live cluster from the outside, as an integration sees it.</summary>
public sealed class ClusterDrills(DrillOptions options) : IDisposable
{
    private const int Concurrency = 16;
    private readonly HttpClient _http = new() { BaseAddress = options.Frontend, Timeout = TimeSpan.FromSeconds(40) };

    /// <summary>
    /// Under sustained event load, kill -9 a silo while case deadlines fall due. Passes when no acknowledged (2xx) event
    /// is missing from its case's history, and every deadline's actions ran exactly once within the recovery bound: its
    /// webhook delivery and its email alert each arrived (distinct ids; repeats are counted), and its field update is in
    /// the case's history once.
    /// </summary>
    public async Task<int> KillSilo()
    {
        _http.DefaultRequestHeaders.Add("X-Api-Key", options.Key);
        await using var receiver = new DeliveryCounter();
        await receiver.StartAsync();
        using var mail = new EmailCounter(options.SmtpPort);
        mail.Start();
        var run = $"drill-{DateTimeOffset.UtcNow:HHmmss}";

        await Put($"/api/v1/processes/{run}", new
        {
            name = "Drill",
            milestones = new[]
            {
                new
                {
                    name = "Deadline", minutes = 1,
                    actions = new object[]
                    {
                        new { when = "violation", type = "webhook" },
                        new { when = "violation", type = "email", to = new[] { "drill@example.com" }, subject = "{{case.id}} missed its deadline", body = "{{notice.id}}" },
                        new { when = "violation", type = "fieldUpdate", set = new Dictionary<string, string> { ["status"] = "Missed" } },
                    },
                },
            },
        });
        await Put($"/api/v1/entitlements/{run}", new { name = "Drill", accountId = run, processId = run, startDate = "2025-01-01" });
        await Put($"/api/v1/webhooks/{run}", new { url = receiver.Url, events = new[] { "milestone.violated" }, secret = "drill-secret-0123456789" });

        // Cases whose one-minute deadlines fall due from 20 s to 50 s after the start: during and after the kill.
        var start = DateTimeOffset.UtcNow;
        var cases = Enumerable.Range(0, options.Cases).Select(i => $"{run}-{i}").ToList();
        await Parallel.ForEachAsync(cases.Select((id, i) => (id, i)), new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (c, _) =>
        {
            var dueIn = TimeSpan.FromSeconds(20 + (30.0 * c.i / options.Cases));
            await Post($"/api/v1/cases/{c.id}/events", new
            {
                eventId = "open", type = "opened", occurredAt = (start + dueIn - TimeSpan.FromMinutes(1)).ToString("O"),
                @case = new { entitlementId = run, priority = "High", status = "New", queue = run },
            });
        });
        Console.WriteLine($"drill {run}: {cases.Count} cases open, deadlines due in 20-50 s; sending events at concurrency {Concurrency}");

        var acknowledged = new ConcurrentBag<(string Case, string Event)>();
        var statuses = new ConcurrentDictionary<int, int>();
        using var load = new CancellationTokenSource();
        var sender = Task.Run(() => Load(cases, acknowledged, statuses, load.Token));

        await Task.Delay(TimeSpan.FromSeconds(8));
        var killedAt = DateTimeOffset.UtcNow;
        Kill(options.Silo);
        Console.WriteLine($"silo{options.Silo} killed at +{(killedAt - start).TotalSeconds:F0} s");

        await Task.Delay(TimeSpan.FromSeconds(40));
        load.Cancel();
        await sender;

        var expected = cases.Select(c => $"{c}/deadline#1/violation/0m").ToHashSet();
        var expectedEmails = expected.Select(n => $"{n}/email/0").ToHashSet();
        var deadline = killedAt + options.Recovery;
        while (DateTimeOffset.UtcNow < deadline + TimeSpan.FromSeconds(5) &&
               !(expected.IsSubsetOf(receiver.Deliveries.Keys) && expectedEmails.IsSubsetOf(mail.Alerts.Keys)))
        {
            await Task.Delay(500);
        }

        var lost = await Lost(acknowledged);
        var fired = expected.Count(receiver.Deliveries.ContainsKey);
        var repeats = receiver.Deliveries.Where(d => expected.Contains(d.Key)).Sum(d => d.Value.Count - 1);
        var emailed = expectedEmails.Count(mail.Alerts.ContainsKey);
        var emailRepeats = mail.Alerts.Where(d => expectedEmails.Contains(d.Key)).Sum(d => d.Value.Count - 1);
        var updates = await FieldUpdates(cases);
        var facts = await ViolationFacts(run, start, cases.Count);
        var lastFired = receiver.Deliveries.Where(d => expected.Contains(d.Key)).Select(d => d.Value.First)
            .Concat(mail.Alerts.Where(d => expectedEmails.Contains(d.Key)).Select(d => d.Value.First)).DefaultIfEmpty(killedAt).Max();
        var recovery = lastFired - killedAt;

        Console.WriteLine($"events acknowledged: {acknowledged.Count}; lost: {lost}");
        Console.WriteLine($"answers: {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))}");
        Console.WriteLine($"deadlines fired: {fired}/{expected.Count}; delivered more than once: {repeats}");
        Console.WriteLine($"emails sent: {emailed}/{expectedEmails.Count}; sent more than once: {emailRepeats}");
        Console.WriteLine($"field updates in history: {updates.Once}/{cases.Count} once; more than once: {updates.Repeated}");
        Console.WriteLine($"report facts: {facts.Violated}/{cases.Count} violated; facts in all: {facts.Total}");
        Console.WriteLine($"last deadline fired {recovery.TotalSeconds:F0} s after the kill (bound {options.Recovery.TotalSeconds:F0} s)");
        var passed = lost == 0 && fired == expected.Count && emailed == expectedEmails.Count && updates.Once == cases.Count &&
                     facts.Violated == cases.Count && facts.Total == cases.Count &&
                     !statuses.ContainsKey(500) && recovery <= options.Recovery;
        Console.WriteLine(passed ? "drill kill-silo: PASSED" : "drill kill-silo: FAILED");
        return passed ? 0 : 1;
    }

    internal async Task Load(List<string> cases, ConcurrentBag<(string, string)> acknowledged, ConcurrentDictionary<int, int> statuses, CancellationToken stop)
    {
        var next = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, Concurrency), async (worker, token) =>
        {
            while (!stop.IsCancellationRequested)
            {
                var n = Interlocked.Increment(ref next);
                var caseId = cases[Random.Shared.Next(cases.Count)];
                var eventId = $"load-{n}";
                try
                {
                    using var response = await _http.PostAsJsonAsync($"/api/v1/cases/{caseId}/events",
                        new { eventId, type = "updated", changes = new { customFields = new { drill = n.ToString(System.Globalization.CultureInfo.InvariantCulture) } } }, token);
                    statuses.AddOrUpdate((int)response.StatusCode, 1, (_, c) => c + 1);
                    if (response.IsSuccessStatusCode)
                    {
                        acknowledged.Add((caseId, eventId));
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    statuses.AddOrUpdate(0, 1, (_, c) => c + 1); // no answer at all: not acknowledged, not counted as lost
                }
            }
        });
    }

    private static void Kill(int silo)
    {
        var pidFile = Path.Combine(FindRoot(), ".cluster", $"silo{silo}.pid");
        var pid = int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Process.GetProcessById(pid).Kill(); // SIGKILL: no graceful shutdown, no handover
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SlaGrains.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Run the drill from inside the repository.");
    }

    public void Dispose() => _http.Dispose();

    /// <summary>How many cases hold their deadline's field update exactly once, and how many hold it more often.</summary>
    private async Task<(int Once, int Repeated)> FieldUpdates(IEnumerable<string> cases)
    {
        int once = 0, repeated = 0;
        foreach (var caseId in cases)
        {
            var history = await _http.GetFromJsonAsync<JsonArray>($"/api/v1/cases/{caseId}/events");
            var count = history!.Count(e => (string?)e!["eventId"] == $"{caseId}/deadline#1/violation/0m/fieldUpdate/0");
            once += count == 1 ? 1 : 0;
            repeated += count > 1 ? 1 : 0;
        }
        return (once, repeated);
    }

    /// <summary>
    /// The drill's milestone facts as the compliance report counts them: one per case, violated, none lost or doubled.
    /// A case killed between its state write and its facts write owes them until it next wakes (its deadline reminder
    /// or its outbox reminder), so this waits up to a minute and a half for the count to settle.
    /// </summary>
    private async Task<(long Violated, long Total)> ViolationFacts(string process, DateTimeOffset start, int cases)
    {
        var query = $"/api/v1/reports/compliance?from={Uri.EscapeDataString(start.AddHours(-1).ToString("O"))}&to={Uri.EscapeDataString(start.AddHours(1).ToString("O"))}&processId={process}";
        var until = DateTimeOffset.UtcNow.AddSeconds(90);
        for (;;)
        {
            var totals = (await _http.GetFromJsonAsync<JsonObject>(query))!["totals"]!;
            var violated = (long)totals["violated"]!;
            var total = violated + (long)totals["met"]! + (long)totals["metLate"]! + (long)totals["open"]! + (long)totals["canceled"]!;
            if ((violated == cases && total == cases) || DateTimeOffset.UtcNow > until)
            {
                return (violated, total);
            }
            await Task.Delay(1000);
        }
    }

    /// <summary>Acknowledged events missing from their case's stored history.</summary>
    internal async Task<int> Lost(IEnumerable<(string Case, string Event)> acknowledged)
    {
        var lost = 0;
        foreach (var group in acknowledged.GroupBy(a => a.Case))
        {
            var history = await _http.GetFromJsonAsync<JsonArray>($"/api/v1/cases/{group.Key}/events");
            var ids = history!.Select(e => (string)e!["eventId"]!).ToHashSet();
            lost += group.Count(a => !ids.Contains(a.Event));
        }
        return lost;
    }

    /// <summary>
    /// The storage drill (docs/operations.md): under load, stop PostgreSQL for a few seconds and start it again. Passes when the API
    /// answered 503 (never 500) while it was down, answers 200 again on its own afterwards, and lost nothing acknowledged.
    /// </summary>
    public Task<int> RestartPostgres() =>
        StorageOutage("restart-postgres", "PostgreSQL", () => Postgres("stop"), () => Postgres("start"));

    /// <summary>
    /// The same drill on a PostgreSQL server others share: instead of stopping the server, the cluster's database
    /// refuses new connections and its open ones are ended, which the silos meet exactly as they meet a stopped server.
    /// </summary>
    public Task<int> RefuseDatabase(string server, string database) =>
        StorageOutage("refuse-database", $"database {database}",
            async () =>
            {
                await Execute(server, $"ALTER DATABASE \"{database}\" WITH ALLOW_CONNECTIONS false");
                await Execute(server, $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}' AND usename = current_user");
            },
            () => Execute(server, $"ALTER DATABASE \"{database}\" WITH ALLOW_CONNECTIONS true"));

    private static async Task Execute(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<int> StorageOutage(string drill, string what, Func<Task> stop, Func<Task> start)
    {
        _http.DefaultRequestHeaders.Add("X-Api-Key", options.Key);
        var run = $"pgdrill-{DateTimeOffset.UtcNow:HHmmss}";
        await Put($"/api/v1/processes/{run}", new { name = "Drill", milestones = new[] { new { name = "Deadline", minutes = 60 } } });
        await Put($"/api/v1/entitlements/{run}", new { name = "Drill", accountId = run, processId = run, startDate = "2025-01-01" });
        var cases = Enumerable.Range(0, options.Cases).Select(i => $"{run}-{i}").ToList();
        foreach (var id in cases)
        {
            await Post($"/api/v1/cases/{id}/events", new { eventId = "open", type = "opened", @case = new { entitlementId = run, queue = run } });
        }

        var acknowledged = new ConcurrentBag<(string Case, string Event)>();
        var statuses = new ConcurrentDictionary<int, int>();
        using var load = new CancellationTokenSource();
        var sender = Task.Run(() => Load(cases, acknowledged, statuses, load.Token));
        await Task.Delay(TimeSpan.FromSeconds(5));
        await stop();
        Console.WriteLine($"{what} stopped");
        await Task.Delay(TimeSpan.FromSeconds(8));
        var downAnswers = new Dictionary<int, int>(statuses);
        await start();
        var restartedAt = DateTimeOffset.UtcNow;
        Console.WriteLine($"{what} back");

        // Recovery: the API must answer writes with 200 again, on its own, within the bound.
        var recovered = false;
        while (DateTimeOffset.UtcNow - restartedAt < options.Recovery && !recovered)
        {
            using var probe = await _http.PostAsJsonAsync($"/api/v1/cases/{cases[0]}/events", new { eventId = $"probe-{Guid.NewGuid():N}", type = "customerReplied" });
            recovered = probe.IsSuccessStatusCode;
            if (!recovered)
            {
                await Task.Delay(500);
            }
        }
        var recovery = DateTimeOffset.UtcNow - restartedAt;
        await Task.Delay(TimeSpan.FromSeconds(5));
        load.Cancel();
        await sender;

        var lost = await Lost(acknowledged);
        Console.WriteLine($"events acknowledged: {acknowledged.Count}; lost: {lost}");
        Console.WriteLine($"answers: {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))}");
        Console.WriteLine($"writes accepted again {recovery.TotalSeconds:F1} s after {what} came back");
        var passed = lost == 0 && !statuses.ContainsKey(500) && downAnswers.ContainsKey(503) && recovered;
        Console.WriteLine(passed ? $"drill {drill}: PASSED" : $"drill {drill}: FAILED");
        return passed ? 0 : 1;
    }

    private static Task Postgres(string verb)
    {
        var cluster = Environment.GetEnvironmentVariable("SLA_PG_CLUSTER") ?? "15 main";
        using var process = Process.Start("pg_ctlcluster", $"{cluster} {verb}")!;
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"pg_ctlcluster {cluster} {verb} failed ({process.ExitCode})");
        }
        return Task.CompletedTask;
    }

    private async Task Put(string path, object body) =>
        (await _http.PutAsJsonAsync(path, body)).EnsureSuccessStatusCode();

    private async Task Post(string path, object body)
    {
        using var response = await _http.PostAsJsonAsync(path, body);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }
}
