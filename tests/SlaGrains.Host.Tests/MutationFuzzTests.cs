using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit.Abstractions;

namespace SlaGrains.Host.Tests;

/// <summary>
/// Valid requests for every endpoint and hub method, each mutated at random (one member, query value or id replaced by
/// an extreme, empty, oversized or mistyped value, or removed), or sent as they are so that state builds up and later
/// requests meet real cases, calendars and processes. Whatever comes back, a 5xx fails, as does a 4xx that is not
/// problem details, and the host must answer normally afterwards. Seeded, so a failure repeats.
/// </summary>
public sealed class MutationFuzzTests(ITestOutputHelper output)
{
    private const int Requests = 6000;
    private const int HubCalls = 600;
    private const int Seed = 20261201;

    // Deliveries may only ever go to loopback: this port has nothing listening, so each attempt fails at once.
    private const string Receiver = "http://127.0.0.1:9/hook";

    private static readonly string[] Calendars = ["cal-0", "cal-1", "cal-2"];
    private static readonly string[] Processes = ["proc-0", "proc-1"];
    private static readonly string[] Entitlements = ["ent-0", "ent-1"];
    private static readonly string[] Accounts = ["acct-0", "acct-1"];
    private static readonly string[] Webhooks = ["hook-0", "hook-1"];
    private static readonly string[] Queues = ["Tier 1", "Tier 2"];
    private static readonly string[] Cases = [.. Enumerable.Range(0, 24).Select(i => $"case-{i}")];

    private static readonly JsonNode?[] Extremes =
    [
        null, "", " ", "\u0000", "\u202e💥", "x", new string('x', 300), new string('y', 70_000), "-1", "null",
        "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "1899-12-31T23:59:59Z", "2200-01-01T00:00:00Z", "2025-02-30T00:00:00Z",
        "2025-03-30T01:30:00+01:00", "2025-01-01", "24:00", "23:59", "25:61", "Etc/UTC", "Mars/Olympus_Mons",
        "Tier 1", "High", "../..", "a/b", "%2F", "@", "http://127.0.0.1:9/hook", "http://user:pw@127.0.0.1:9/hook",
        "http://localhost:9/x", "http://[::1]:9/x", "http://0x7f000001:9/x", "http://2130706433:9/x", "ftp://127.0.0.1/x",
        0, -1, 1, 59, 1_000_000_000, 10_000_000_000, 1_000_000_000_000, long.MaxValue, long.MinValue, 1.5, 1e308, -1e308,
        true, false, new JsonObject(), new JsonArray(), new JsonObject { ["nested"] = new JsonArray(1, "2", null) },
    ];

    [Fact]
    public async Task Mutated_valid_requests_and_hub_calls_never_get_a_5xx()
    {
        await using var host = new SlaHost(new Dictionary<string, string?>
        {
            ["Sla:RateLimit:PermitsPerSecond"] = "1000000",
            ["Sla:RateLimit:Burst"] = "1000000",
            ["Sla:Webhooks:AllowedHosts:0"] = "127.0.0.1:9",
            ["Sla:Webhooks:MaxAttempts"] = "1",
        });
        var client = host.Client();
        var random = new Random(Seed);
        var statuses = new SortedDictionary<int, int>();
        var problems = new List<string>();

        for (var i = 0; i < Requests; i++)
        {
            var template = Template(random);
            var mutated = random.Next(10) < 7 ? Mutate(template, random) : template;
            using var request = mutated.ToRequest();
            using var response = await client.SendAsync(request);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            if (status >= 500 || (status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json"))
            {
                problems.Add($"{request.Method} {request.RequestUri} {Shorten(mutated.Body?.ToJsonString())} -> {status}: {Shorten(await response.Content.ReadAsStringAsync())}");
            }
        }

        var hubOutcomes = await FuzzHub(host, random);

        var summary = $"fuzz (seed {Seed}): {Requests} requests: {string.Join(", ", statuses.Select(s => $"{s.Value} × {s.Key}"))}; " +
            $"{HubCalls} hub calls: {string.Join(", ", hubOutcomes.Select(o => $"{o.Value} × {o.Key}"))}";
        output.WriteLine(summary);
        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "fuzz-summary.txt"), summary + Environment.NewLine);

        Assert.True(problems.Count == 0, $"{problems.Count} answers were 5xx or not problem details:\n{string.Join("\n", problems.Take(20))}");
        Assert.False(hubOutcomes.Keys.Any(k => k.StartsWith("server error", StringComparison.Ordinal)), summary);
        Assert.True(statuses.Keys.Any(s => s is >= 200 and < 300) && statuses.Keys.Count(s => s is >= 400 and < 500) >= 3,
            $"the fuzzer should reach both accepted and several refused answers: {summary}");
        (await client.GetAsync("/health/ready")).EnsureSuccessStatusCode();
        (await client.Put("/api/v1/calendars/after-fuzz", new { name = "after", timeZone = "Etc/UTC", alwaysOpen = true })).EnsureSuccessStatusCode();
    }

    /// <summary>Hub methods called with extreme arguments: a refusal is a HubException; the connection must survive it.</summary>
    private static async Task<SortedDictionary<string, int>> FuzzHub(SlaHost host, Random random)
    {
        var outcomes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var hub = HubTests.Connect(host);
        await hub.StartAsync();
        try
        {
            string[] methods = ["SubscribeCase", "SubscribeQueue", "UnsubscribeCase", "UnsubscribeQueue"];
            for (var i = 0; i < HubCalls; i++)
            {
                var method = methods[random.Next(methods.Length)];
                var argument = random.Next(3) == 0
                    ? (method.EndsWith("Queue", StringComparison.Ordinal) ? Pick(Queues, random) : Pick(Cases, random))
                    : Text(Extremes[random.Next(Extremes.Length)]);
                string outcome;
                try
                {
                    await hub.InvokeCoreAsync(method, typeof(object), [argument]);
                    outcome = "ok";
                }
                catch (HubException ex)
                {
                    // A refusal arrives as the server's HubException with its message; any other server exception
                    // only as SignalR's generic "An unexpected error occurred invoking ...".
                    outcome = ex.Message.Contains("HubException: ", StringComparison.Ordinal) ? "refused" : $"server error ({method} {Shorten(argument)})";
                }
                outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
                if (hub.State != HubConnectionState.Connected)
                {
                    outcomes["disconnected"] = outcomes.GetValueOrDefault("disconnected") + 1;
                    await hub.DisposeAsync();
                    hub = HubTests.Connect(host);
                    await hub.StartAsync();
                }
            }
        }
        finally
        {
            await hub.DisposeAsync();
        }
        return outcomes;
    }

    private static FuzzRequest Template(Random r)
    {
        var now = DateTimeOffset.UtcNow;
        var at = now.AddMinutes(-r.Next(0, 600)).ToString("O", CultureInfo.InvariantCulture);
        var caseId = Pick(Cases, r);
        var calendar = Pick(Calendars, r);
        var process = Pick(Processes, r);
        switch (r.Next(21))
        {
            case 0:
                return FuzzRequest.Put($"/api/v1/calendars/{calendar}", new JsonObject
                {
                    ["name"] = "Support hours",
                    ["timeZone"] = "Europe/London",
                    ["weekly"] = new JsonObject
                    {
                        ["monday"] = new JsonArray(Range("09:00", "12:00"), Range("13:00", "17:30")),
                        ["tuesday"] = new JsonArray(Range("09:00", "17:00")),
                        ["wednesday"] = new JsonArray(Range("00:00", "24:00")),
                        ["friday"] = new JsonArray(Range("08:00", "16:00")),
                    },
                    ["holidays"] = new JsonArray(
                        new JsonObject { ["date"] = "2025-12-25", ["name"] = "Christmas", ["recurring"] = true },
                        new JsonObject { ["date"] = "2026-12-24", ["closed"] = new JsonArray(Range("12:00", "17:00")) }),
                });
            case 1:
                return FuzzRequest.Put($"/api/v1/calendars/{calendar}", new JsonObject { ["name"] = "24x7", ["timeZone"] = "Etc/UTC", ["alwaysOpen"] = true });
            case 2:
                return FuzzRequest.Put($"/api/v1/processes/{process}", Process(calendar));
            case 3:
                return FuzzRequest.Put($"/api/v1/entitlements/{Pick(Entitlements, r)}", new JsonObject
                {
                    ["name"] = "Gold", ["accountId"] = Pick(Accounts, r), ["contactIds"] = new JsonArray("c-1"), ["processId"] = process,
                    ["calendarId"] = r.Next(2) == 0 ? null : calendar, ["startDate"] = "2025-01-01", ["endDate"] = "2030-12-31", ["casesAllowed"] = 1000,
                });
            case 4:
                return FuzzRequest.Put($"/api/v1/webhooks/{Pick(Webhooks, r)}", new JsonObject
                {
                    ["url"] = Receiver,
                    ["events"] = new JsonArray("milestone.warning", "milestone.violated", "milestone.completed", "case.escalated"),
                    ["secret"] = "fuzz-secret-0123456789",
                });
            case 5 or 6:
                return FuzzRequest.Post($"/api/v1/cases/{caseId}/events", Opened(r, at));
            case 7 or 8 or 9:
                return FuzzRequest.Post($"/api/v1/cases/{caseId}/events", Event(r, at));
            case 10:
                var batch = new JsonArray();
                for (var i = 0; i < r.Next(1, 6); i++)
                {
                    var e = r.Next(4) == 0 ? Opened(r, at) : Event(r, at);
                    e["caseId"] = Pick(Cases, r);
                    batch.Add(e);
                }
                return FuzzRequest.Post("/api/v1/events", batch);
            case 11:
                return FuzzRequest.Get($"/api/v1/cases/{caseId}", ("asOf", r.Next(2) == 0 ? null : now.AddHours(r.Next(-48, 48)).ToString("O", CultureInfo.InvariantCulture)));
            case 12:
                return r.Next(2) == 0
                    ? FuzzRequest.Get($"/api/v1/cases/{caseId}/events")
                    : FuzzRequest.Get($"/api/v1/cases/{caseId}/milestones/{(r.Next(2) == 0 ? "update" : "first-response")}/instances", ("from", r.Next(1, 5).ToString(CultureInfo.InvariantCulture)), ("limit", r.Next(1, 50).ToString(CultureInfo.InvariantCulture)));
            case 13:
                return FuzzRequest.Get($"/api/v1/queues/{Uri.EscapeDataString(Pick(Queues, r))}/cases", ("limit", r.Next(1, 200).ToString(CultureInfo.InvariantCulture)));
            case 14:
                return FuzzRequest.Get($"/api/v1/calendars/{calendar}/add", ("start", at), ("seconds", r.Next(0, 400_000).ToString(CultureInfo.InvariantCulture)));
            case 15:
                return FuzzRequest.Get($"/api/v1/calendars/{calendar}/elapsed", ("from", at), ("to", now.AddDays(r.Next(0, 60)).ToString("O", CultureInfo.InvariantCulture)));
            case 16:
                return FuzzRequest.Get(r.Next(2) == 0 ? $"/api/v1/calendars/{calendar}" : "/api/v1/calendars");
            case 17:
                return FuzzRequest.Get(r.Next(3) switch
                {
                    0 => $"/api/v1/processes/{process}",
                    1 => $"/api/v1/processes/{process}/versions/{r.Next(1, 4)}",
                    _ => "/api/v1/processes",
                });
            case 18:
                return FuzzRequest.Get(r.Next(2) == 0 ? $"/api/v1/entitlements/{Pick(Entitlements, r)}" : $"/api/v1/accounts/{Pick(Accounts, r)}/entitlements");
            case 19:
                return FuzzRequest.Get(r.Next(2) == 0 ? $"/api/v1/webhooks/{Pick(Webhooks, r)}" : "/api/v1/webhooks");
            default:
                return FuzzRequest.Get($"/api/v1/webhooks/{Pick(Webhooks, r)}/deliveries", ("limit", r.Next(1, 200).ToString(CultureInfo.InvariantCulture)));
        }
    }

    private static JsonObject Process(string calendar) => new()
    {
        ["name"] = "Platinum",
        ["calendarId"] = calendar,
        ["pausedStatuses"] = new JsonArray("Waiting on Customer"),
        ["milestones"] = new JsonArray(
            new JsonObject
            {
                ["name"] = "First Response",
                ["minutes"] = 1,
                ["minutesByPriority"] = new JsonObject { ["High"] = 1, ["Low"] = 240 },
                ["criteria"] = new JsonObject { ["priority"] = new JsonArray("High", "Low", "Medium") },
                ["completedBy"] = new JsonArray("agentReplied"),
                ["warnings"] = new JsonArray(new JsonObject { ["atPercent"] = 50 }),
                ["actions"] = new JsonArray(
                    new JsonObject { ["when"] = "warning", ["type"] = "webhook" },
                    new JsonObject { ["when"] = "violation", ["type"] = "escalate", ["setPriority"] = "Urgent", ["setQueue"] = "Tier 2" },
                    new JsonObject { ["when"] = "violation", ["offsetMinutes"] = 1, ["type"] = "webhook" }),
            },
            new JsonObject
            {
                ["name"] = "Update",
                ["minutes"] = 2,
                ["recurrence"] = "sequential",
                ["completedBy"] = new JsonArray("agentReplied"),
                ["calendarId"] = null,
            }),
    };

    private static JsonObject Opened(Random r, string at) => new()
    {
        ["eventId"] = $"o-{r.Next(50)}",
        ["type"] = "opened",
        ["occurredAt"] = at,
        ["case"] = new JsonObject
        {
            ["accountId"] = Pick(Accounts, r),
            ["contactId"] = "c-1",
            ["entitlementId"] = r.Next(3) == 0 ? null : Pick(Entitlements, r),
            ["priority"] = r.Next(2) == 0 ? "High" : "Low",
            ["status"] = "New",
            ["origin"] = "Phone",
            ["type"] = "Problem",
            ["queue"] = Pick(Queues, r),
            ["subject"] = "Cannot log in",
            ["customFields"] = new JsonObject { ["region"] = "EMEA" },
        },
    };

    private static JsonObject Event(Random r, string at)
    {
        var e = new JsonObject { ["eventId"] = $"e-{r.Next(400)}", ["occurredAt"] = at };
        switch (r.Next(8))
        {
            case 0:
                e["type"] = "updated";
                e["changes"] = new JsonObject { ["priority"] = "Low", ["status"] = r.Next(2) == 0 ? "Waiting on Customer" : "Working", ["queue"] = Pick(Queues, r), ["owner"] = "ana", ["customFields"] = new JsonObject { ["region"] = "APAC" } };
                break;
            case 1:
                e["type"] = "agentReplied";
                e["public"] = r.Next(2) == 0;
                break;
            case 2:
                e["type"] = "customerReplied";
                break;
            case 3:
                e["type"] = "milestoneCompleted";
                e["milestone"] = "First Response";
                break;
            case 4:
                e["type"] = "stopped";
                break;
            case 5:
                e["type"] = "resumed";
                break;
            case 6:
                e["type"] = "closed";
                break;
            default:
                e["type"] = "reopened";
                break;
        }
        return e;
    }

    /// <summary>One change: a body member (at any depth) replaced or removed, a query value replaced or dropped, or an id replaced.</summary>
    private static FuzzRequest Mutate(FuzzRequest request, Random r)
    {
        var choice = r.Next(10);
        if (request.Body is not null && choice < 7)
        {
            var body = request.Body.DeepClone();
            var slots = new List<(JsonNode Parent, object Key)>();
            Collect(body, slots);
            if (slots.Count > 0)
            {
                var (parent, key) = slots[r.Next(slots.Count)];
                var remove = r.Next(6) == 0;
                var value = Extremes[r.Next(Extremes.Length)]?.DeepClone();
                if (parent is JsonObject o && key is string name)
                {
                    if (remove)
                    {
                        o.Remove(name);
                    }
                    else
                    {
                        o[name] = value;
                    }
                }
                else if (parent is JsonArray a && key is int index)
                {
                    if (remove)
                    {
                        a.RemoveAt(index);
                    }
                    else if (r.Next(4) == 0)
                    {
                        for (var i = 0; i < 500; i++)
                        {
                            a.Add(a[index]?.DeepClone()); // many of the same: counts and duplicates
                        }
                    }
                    else
                    {
                        a[index] = value;
                    }
                }
            }
            return request with { Body = body };
        }
        if (request.Query.Count > 0 && choice < 9)
        {
            var query = request.Query.ToList();
            var i = r.Next(query.Count);
            if (r.Next(5) == 0)
            {
                query.RemoveAt(i);
            }
            else
            {
                query[i] = (query[i].Name, Text(Extremes[r.Next(Extremes.Length)]));
            }
            return request with { Query = query };
        }
        var segments = request.Path.Split('/');
        var idAt = Array.FindLastIndex(segments, s => s.Contains('-', StringComparison.Ordinal) || s.Contains("%20", StringComparison.Ordinal));
        if (idAt < 0)
        {
            return request;
        }
        // Control characters stay out of paths: Kestrel refuses such a request line before any of our code runs.
        var id = new string((Text(Extremes[r.Next(Extremes.Length)]) ?? "null").Where(c => !char.IsControl(c)).ToArray());
        segments[idAt] = Uri.EscapeDataString(id);
        return request with { Path = string.Join('/', segments) };
    }

    private static void Collect(JsonNode node, List<(JsonNode, object)> slots)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, child) in o.ToList())
                {
                    slots.Add((o, name));
                    if (child is not null)
                    {
                        Collect(child, slots);
                    }
                }
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    slots.Add((a, i));
                    if (a[i] is { } child)
                    {
                        Collect(child, slots);
                    }
                }
                break;
        }
    }

    /// <summary>A value as it would appear in a URL or a hub argument; cut to 2,000 characters, as Kestrel refuses
    /// longer request lines before any of our code (and so without problem details).</summary>
    private static string? Text(JsonNode? value)
    {
        var text = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString();
        return text is { Length: > 2000 } ? text[..2000] : text;
    }

    private static JsonObject Range(string start, string end) => new() { ["start"] = start, ["end"] = end };

    private static string Pick(string[] values, Random r) => values[r.Next(values.Length)];

    private static string Shorten(string? text) => text is null ? "" : text.Length > 1500 ? text[..1500] + "…" : text;

    private sealed record FuzzRequest(HttpMethod Method, string Path, JsonNode? Body, List<(string Name, string? Value)> Query)
    {
        public static FuzzRequest Get(string path, params (string, string?)[] query) =>
            new(HttpMethod.Get, path, null, [.. query.Where(q => q.Item2 is not null)]);

        public static FuzzRequest Put(string path, JsonNode body) => new(HttpMethod.Put, path, body, []);

        public static FuzzRequest Post(string path, JsonNode body) => new(HttpMethod.Post, path, body, []);

        public HttpRequestMessage ToRequest()
        {
            var uri = Query.Count == 0 ? Path : Path + "?" + string.Join('&', Query.Select(q => $"{q.Name}={Uri.EscapeDataString(q.Value ?? "")}"));
            var request = new HttpRequestMessage(Method, uri);
            if (Body is not null)
            {
                request.Content = new StringContent(Body.ToJsonString(), Encoding.UTF8, "application/json");
            }
            return request;
        }
    }
}
