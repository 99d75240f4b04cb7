using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace SlaGrains.Bench;

/// <summary>
/// `--only hub` (docs/benchmarks.md, "Hub fan-out"): an in-memory host with <c>clients</c> SignalR clients, each
/// subscribed to one of <c>queues</c> queues as an agent's board is, while events arrive at a steady <c>rate</c>, each
/// to a case in one of those queues. For every client that should hear of an event: the time from the event's
/// acknowledgement (and from its send) to its <c>caseChanged</c> arriving. A push that beats the acknowledgement to the
/// client counts as zero.
/// </summary>
internal static class HubFanOut
{
    private const int CasesPerQueue = 20;
    private const int ConnectAtOnce = 20; // a dashboard fleet comes up over seconds, not in one instant

    public static async Task Run(string root, List<string> rows, int clients, int queues, int rate, int seconds)
    {
        await using var host = await HostProcess.Start(root, 5315, postgres: null);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1000 }) { BaseAddress = host.Url, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Add("X-Api-Key", HostProcess.Key);
        var queueNames = Enumerable.Range(0, queues).Select(q => $"Fan {q}").ToArray();
        var cases = await OpenCases(http, queueNames);

        // The subject each event sets names it ("fan-<n>"), so every arrival is matched to its event.
        var events = rate * seconds;
        var arrivals = new ConcurrentBag<(int Event, long At)>();
        var connections = new HubConnection[clients];
        var connected = 0;
        await Parallel.ForAsync(0, clients, new ParallelOptions { MaxDegreeOfParallelism = ConnectAtOnce }, async (i, cancellationToken) =>
        {
            var connection = new HubConnectionBuilder()
                .WithUrl(new Uri(host.Url, "/hubs/sla"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(HostProcess.Key))
                .Build();
            connection.On<JsonElement>("caseChanged", snapshot =>
            {
                if (snapshot.TryGetProperty("subject", out var subject) && subject.GetString() is { } text && text.StartsWith("fan-", StringComparison.Ordinal))
                {
                    arrivals.Add((int.Parse(text.AsSpan(4), CultureInfo.InvariantCulture), Stopwatch.GetTimestamp()));
                }
            });
            await connection.StartAsync(cancellationToken);
            await connection.InvokeAsync<JsonElement[]>("SubscribeQueue", queueNames[i % queues], cancellationToken);
            connections[i] = connection;
            Progress.Show($"hub clients connected: {Interlocked.Increment(ref connected)}/{clients}");
        });
        Progress.Clear();

        var sent = new long[events];
        var acked = new long[events];
        var failed = 0;
        var posts = new List<Task>(events);
        using (var timer = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / rate)))
        {
            for (var n = 0; n < events; n++)
            {
                var i = n;
                // Not awaited: a slow answer must not lower the rate the host is offered.
                posts.Add(Task.Run(async () =>
                {
                    sent[i] = Stopwatch.GetTimestamp();
                    using var response = await http.PostAsJsonAsync($"/api/v1/cases/{cases[i % cases.Count]}/events",
                        new { eventId = $"fan-{i}", type = "updated", changes = new { subject = $"fan-{i}" } });
                    acked[i] = Stopwatch.GetTimestamp();
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref failed);
                    }
                }));
                Progress.Show($"events posted: {n + 1}/{events}");
                await timer.WaitForNextTickAsync();
            }
        }
        await Task.WhenAll(posts);
        await Task.Delay(TimeSpan.FromSeconds(3)); // the last pushes land
        Progress.Clear();
        foreach (var connection in connections)
        {
            await connection.DisposeAsync();
        }

        var listeners = clients / queues; // clients of each queue, give or take one
        var perQueue = Enumerable.Range(0, queues).Select(q => Enumerable.Range(0, clients).Count(c => c % queues == q)).ToArray();
        var expected = Enumerable.Range(0, events).Sum(n => perQueue[n % cases.Count % queues]);
        var fromAck = arrivals.Select(a => Math.Max(0, Stopwatch.GetElapsedTime(acked[a.Event], a.At).TotalMilliseconds)).Order().ToArray();
        var fromSend = arrivals.Select(a => Stopwatch.GetElapsedTime(sent[a.Event], a.At).TotalMilliseconds).Order().ToArray();
        double P(double[] sorted, double q) => Load.Percentile(sorted, q);
        Console.WriteLine($"  hub fan-out: {arrivals.Count:N0} of {expected:N0} pushes arrived ({failed} posts failed); from acknowledgement p50 {P(fromAck, 0.5):N1} ms, p95 {P(fromAck, 0.95):N1} ms, p99 {P(fromAck, 0.99):N1} ms; from send p99 {P(fromSend, 0.99):N1} ms");
        var p99 = P(fromAck, 0.99);
        rows.Add($"| Hub fan-out: event acknowledged → caseChanged at each subscribed client ({clients:N0} SignalR clients on {queues} queues, ~{listeners} per queue, {rate} events/s for {seconds} s) | p50 {P(fromAck, 0.5):N1} ms, p95 {P(fromAck, 0.95):N1} ms, p99 {p99:N1} ms over {fromAck.Length:N0} of {expected:N0} pushes; from send p99 {P(fromSend, 0.99):N1} ms | goal p99 ≤ 200 ms | {(p99 <= 200 && fromAck.Length == expected ? "met" : "missed")} |");
    }

    private static async Task<List<string>> OpenCases(HttpClient http, string[] queues)
    {
        (await http.PutAsJsonAsync("/api/v1/processes/fan", new { name = "fan", milestones = new[] { new { name = "First Response", minutes = 600 } } })).EnsureSuccessStatusCode();
        (await http.PutAsJsonAsync("/api/v1/entitlements/fan", new { name = "fan", accountId = "fan", processId = "fan", startDate = "2025-01-01" })).EnsureSuccessStatusCode();
        // Case i sits in queue i % queues, so events sent round-robin over the cases cycle through the queues.
        var ids = Enumerable.Range(0, queues.Length * CasesPerQueue).Select(i => $"fan-case-{i}").ToList();
        var batch = ids.Select((id, i) => new { caseId = id, eventId = "open", type = "opened", @case = new { entitlementId = "fan", priority = "High", queue = queues[i % queues.Length], subject = "open" } });
        (await http.PostAsJsonAsync("/api/v1/events", batch)).EnsureSuccessStatusCode();
        return ids;
    }
}
