using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SlaGrains.Host.Tests;

/// <summary>
/// Thousands of requests, each malformed by construction (broken JSON, unknown members, wrong types, bad ids, wrong
/// content type, impossible values), against every writing endpoint. Any 5xx fails, anything but problem details
/// fails, and afterwards the stored state must read exactly as before.
/// </summary>
[Collection(HostTests.Name)]
public sealed class FuzzTests(HostFixture fixture)
{
    private const int Requests = 2500;

    [Fact]
    public async Task Malformed_requests_get_problem_4xx_and_change_no_state()
    {
        var admin = fixture.Host.Client();
        var (process, entitlement, account) = await Scenario.Entitled(admin);
        var caseId = Api.Id("case");
        await (await admin.Post($"/api/v1/cases/{caseId}/events", Scenario.Opened("o", entitlement, DateTimeOffset.UtcNow))).Json();
        var before = await State(admin, caseId, account);

        var random = new Random(20251123);
        var fresh = Api.Id("fuzz");
        var statuses = new Dictionary<int, int>();
        for (var i = 0; i < Requests; i++)
        {
            using var request = Malformed(random, fresh, caseId, process, account);
            using var response = await admin.SendAsync(request);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(status is >= 400 and < 500, $"{request.Method} {request.RequestUri} answered {status}: {body}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        Assert.Equal(before, await State(admin, caseId, account));
        foreach (var path in new[] { "calendars", "processes", "entitlements", "webhooks" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/{path}/{fresh}")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/cases/{fresh}")).StatusCode);
        Assert.True(statuses.Keys.Count >= 3, $"the fuzzer should provoke several kinds of 4xx: {string.Join(", ", statuses)}");
    }

    private static async Task<string> State(HttpClient admin, string caseId, string account)
    {
        var parts = new List<string>();
        foreach (var path in new[] { "/api/v1/calendars", "/api/v1/processes", "/api/v1/webhooks", $"/api/v1/cases/{caseId}/events", $"/api/v1/accounts/{account}/entitlements" })
        {
            parts.Add(await (await admin.GetAsync(path)).Content.ReadAsStringAsync());
        }
        return string.Join("\n", parts);
    }

    private static HttpRequestMessage Malformed(Random random, string fresh, string caseId, string process, string account)
    {
        if (random.Next(10) == 0) // well formed, but for a case that was never opened
        {
            return new HttpRequestMessage(HttpMethod.Post, $"/api/v1/cases/{fresh}/events")
            {
                Content = new StringContent($$$"""{"eventId":"f{{{random.Next()}}}","type":"agentReplied"}""", Encoding.UTF8, "application/json"),
            };
        }
        var (method, path, body) = random.Next(6) switch
        {
            0 => (HttpMethod.Put, $"/api/v1/calendars/{fresh}", Node(new { name = "c", timeZone = "Europe/Paris", weekly = new { monday = new[] { new { start = "09:00", end = "17:00" } } } })),
            1 => (HttpMethod.Put, $"/api/v1/processes/{fresh}", Node(Scenario.FirstResponseProcess())),
            2 => (HttpMethod.Put, $"/api/v1/entitlements/{fresh}", Node(new { name = "e", accountId = account, processId = process, startDate = "2025-01-01" })),
            3 => (HttpMethod.Put, $"/api/v1/webhooks/{fresh}", Node(new { url = "https://example.org/h", events = new[] { "milestone.violated" }, secret = "0123456789abcdef" })),
            4 => (HttpMethod.Post, $"/api/v1/cases/{(random.Next(2) == 0 ? caseId : fresh)}/events", Node(new { eventId = $"f{random.Next()}", type = "agentReplied" })),
            _ => (HttpMethod.Post, "/api/v1/events", new JsonArray(Node(new { caseId, eventId = $"f{random.Next()}", type = "agentReplied" }))),
        };
        var isEventForKnownCase = path.Contains(caseId, StringComparison.Ordinal) || path.EndsWith("/events", StringComparison.Ordinal) && body is JsonArray;
        string text;
        var contentType = "application/json";
        switch (random.Next(isEventForKnownCase ? 5 : 7))
        {
            case 0: // broken syntax
                text = body.ToJsonString();
                text = text[..random.Next(1, text.Length - 1)];
                break;
            case 1: // a member the contract does not have
                text = AddUnknown(body, random).ToJsonString();
                break;
            case 2: // a wrong type for a member
                text = WrongType(body, random).ToJsonString();
                break;
            case 3 when random.Next(2) == 0: // not JSON
                text = "\u0001garbage{" + random.Next();
                break;
            case 3: // JSON, but not declared as such
                text = body.ToJsonString();
                contentType = "text/plain";
                break;
            case 4: // an id no endpoint accepts
                path = path.Replace(path.Contains(caseId, StringComparison.Ordinal) ? caseId : fresh, random.Next(2) == 0 ? "bad%20id" : new string('x', 101), StringComparison.Ordinal);
                text = body.ToJsonString();
                if (path == "/api/v1/events")
                {
                    text = "{}";
                }
                break;
            default: // a value the rules refuse
                text = Impossible(body, path).ToJsonString();
                break;
        }
        return new HttpRequestMessage(method, path) { Content = new StringContent(text, Encoding.UTF8, contentType) };
    }

    private static JsonNode AddUnknown(JsonNode body, Random random)
    {
        var target = body is JsonArray array ? array[0]!.AsObject() : body.AsObject();
        target[$"zz{random.Next(1000)}"] = random.Next(2) == 0 ? "x" : new JsonArray(1, 2);
        return body;
    }

    private static JsonNode WrongType(JsonNode body, Random random)
    {
        if (body is JsonArray)
        {
            return random.Next(2) == 0 ? JsonValue.Create(42)! : new JsonObject { ["events"] = new JsonArray() };
        }
        var target = body.AsObject();
        var name = target.Where(p => p.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String).Select(p => p.Key).OrderBy(_ => random.Next()).First();
        target[name] = random.Next(2) == 0 ? JsonValue.Create(12345) : new JsonObject { ["nested"] = true };
        return body;
    }

    /// <summary>Well-formed JSON that the rules refuse.</summary>
    private static JsonNode Impossible(JsonNode body, string path)
    {
        var target = body is JsonArray array ? array[0]!.AsObject() : body.AsObject();
        if (path.Contains("/calendars/", StringComparison.Ordinal))
        {
            target["timeZone"] = "Mars/Olympus_Mons";
        }
        else if (path.Contains("/processes/", StringComparison.Ordinal))
        {
            target["milestones"]![0]!["minutes"] = -5;
        }
        else if (path.Contains("/entitlements/", StringComparison.Ordinal))
        {
            target["processId"] = "no-such-process";
        }
        else if (path.Contains("/webhooks/", StringComparison.Ordinal))
        {
            target["url"] = "not a url";
        }
        else
        {
            target["type"] = "escalated";
        }
        return body;
    }

    private static JsonNode Node(object value) => JsonSerializer.SerializeToNode(value)!;
}
