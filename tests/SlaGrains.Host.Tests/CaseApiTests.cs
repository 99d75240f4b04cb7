using System.Net;
using System.Text.Json.Nodes;

namespace SlaGrains.Host.Tests;

[Collection(HostTests.Name)]
public sealed class CaseApiTests(HostFixture fixture)
{
    [Fact]
    public async Task An_opened_event_returns_the_snapshot_and_a_repeat_is_acknowledged_without_applying_twice()
    {
        var admin = fixture.Host.Client();
        var (process, entitlement, _) = await Scenario.Entitled(admin);
        var caseId = Api.Id("case");
        var openedAt = DateTimeOffset.UtcNow.AddMinutes(-10);

        var response = await admin.Post($"/api/v1/cases/{caseId}/events", Scenario.Opened("crm-1", entitlement, openedAt));
        var snapshot = await response.Json();
        var replay = await admin.Post($"/api/v1/cases/{caseId}/events", Scenario.Opened("crm-1", entitlement, openedAt));

        Assert.False(response.Headers.Contains("Idempotent-Replay"));
        Assert.NotEqual(true, response.Headers.TransferEncodingChunked); // sent whole, with its length
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(response.Content.Headers.ContentLength, (await response.Content.ReadAsByteArrayAsync()).Length);
        Assert.Equal(caseId, (string)snapshot["caseId"]!);
        Assert.Equal(process, (string)snapshot["processId"]!);
        Assert.Equal("Compliant", (string)snapshot["milestoneStatus"]!);
        var milestone = snapshot["milestones"]![0]!;
        Assert.Equal("InProgress", (string)milestone["status"]!);
        Assert.Equal(3600, (long)milestone["targetSeconds"]!);
        Assert.InRange((long)milestone["remainingSeconds"]!, 2900, 3000);
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replay").Single());
        Assert.Single((await (await admin.GetAsync($"/api/v1/cases/{caseId}/events")).Json()).AsArray());
    }

    [Fact]
    public async Task Snapshots_evaluate_as_of_an_instant_and_the_queue_lists_open_cases_soonest_first()
    {
        var admin = fixture.Host.Client();
        var (_, entitlement, _) = await Scenario.Entitled(admin);
        var openedAt = DateTimeOffset.UtcNow.AddMinutes(-30);
        var later = Api.Id("case");
        var sooner = Api.Id("case");
        await (await admin.Post($"/api/v1/cases/{later}/events", Scenario.Opened("o", entitlement, openedAt.AddMinutes(20)))).Json();
        await (await admin.Post($"/api/v1/cases/{sooner}/events", Scenario.Opened("o", entitlement, openedAt))).Json();

        var asOf = await (await admin.GetAsync($"/api/v1/cases/{sooner}?asOf={Uri.EscapeDataString(openedAt.AddMinutes(15).ToString("O"))}")).Json();
        Assert.Equal(900, (long)asOf["milestones"]![0]!["elapsedSeconds"]!);

        var queue = await Eventually(async () => await (await admin.GetAsync("/api/v1/queues/Tier%201/cases?limit=1000")).Json(),
            q => q.AsArray().Any(e => (string)e!["caseId"]! == later));
        var ids = queue.AsArray().Select(e => (string)e!["caseId"]!).Where(id => id == sooner || id == later).ToList();
        Assert.Equal([sooner, later], ids);
        await (await admin.GetAsync("/api/v1/queues/Tier%201/cases?limit=0")).Problem(HttpStatusCode.BadRequest, "limit");
        await (await admin.GetAsync($"/api/v1/cases/{sooner}?asOf=noon")).Problem(HttpStatusCode.BadRequest, "asOf");
    }

    [Fact]
    public async Task Bad_events_get_precise_4xx_and_change_nothing()
    {
        var admin = fixture.Host.Client();
        var (_, entitlement, _) = await Scenario.Entitled(admin);
        var caseId = Api.Id("case");
        await (await admin.Post($"/api/v1/cases/{caseId}/events", Scenario.Opened("o", entitlement, DateTimeOffset.UtcNow))).Json();

        await (await admin.Post($"/api/v1/cases/{Api.Id("case")}/events", new { eventId = "r", type = "agentReplied" })).Problem(HttpStatusCode.NotFound);
        await (await admin.Post($"/api/v1/cases/{caseId}/events", new { type = "stopped" })).Problem(HttpStatusCode.BadRequest, "eventId");
        var unknown = await (await admin.Post($"/api/v1/cases/{caseId}/events", new { eventId = "x", type = "teleported" })).Problem(HttpStatusCode.BadRequest, "type");
        Assert.Equal("Not one of the values this field takes: opened, updated, agentReplied, customerReplied, milestoneCompleted, stopped, resumed, closed, reopened, taskCompleted.",
            (string?)unknown["errors"]!["type"]![0]);
        var untyped = await (await admin.Post($"/api/v1/cases/{caseId}/events", new { eventId = "x" })).Problem(HttpStatusCode.BadRequest, "type");
        Assert.Equal("Give the event type: opened, updated, agentReplied, customerReplied, milestoneCompleted, stopped, resumed, closed, reopened or taskCompleted.",
            (string?)untyped["errors"]!["type"]![0]);
        await (await admin.Post($"/api/v1/cases/{caseId}/events", new { eventId = "x", type = "updated" })).Problem(HttpStatusCode.BadRequest, "changes");
        await (await admin.Post($"/api/v1/cases/{caseId}/events", new { eventId = "x", type = "stopped", occurredAt = "soon" })).Problem(HttpStatusCode.BadRequest, "occurredAt");
        await (await admin.Post($"/api/v1/cases/{caseId}/events", new { eventId = "x", type = "milestoneCompleted", milestone = "Resolution" })).Problem(HttpStatusCode.BadRequest, "milestone");
        await (await admin.Post("/api/v1/cases/has%20space/events", new { eventId = "x", type = "opened" })).Problem(HttpStatusCode.BadRequest, "caseId");

        Assert.Single((await (await admin.GetAsync($"/api/v1/cases/{caseId}/events")).Json()).AsArray());
    }

    [Fact]
    public async Task A_batch_answers_each_event_in_order_and_applies_the_good_ones()
    {
        var admin = fixture.Host.Client();
        var (_, entitlement, _) = await Scenario.Entitled(admin);
        var caseId = Api.Id("case");
        var now = DateTimeOffset.UtcNow;
        var opened = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Scenario.Opened("b1", entitlement, now.AddMinutes(-5))))!.AsObject().Also(o => o["caseId"] = caseId);
        var batch = new JsonArray(
            opened,
            new JsonObject { ["caseId"] = caseId, ["eventId"] = "b2", ["type"] = "updated" },
            new JsonObject { ["caseId"] = Api.Id("case"), ["eventId"] = "b3", ["type"] = "agentReplied" },
            new JsonObject { ["caseId"] = caseId, ["eventId"] = "b4", ["type"] = "agentReplied" },
            opened.DeepClone(), // a resend
            new JsonObject { ["caseId"] = caseId, ["eventId"] = "b1", ["type"] = "opened", ["case"] = new JsonObject() }); // another event under b1

        var results = (await (await admin.PostAsync("/api/v1/events", SlaHost.Json(batch.ToJsonString()))).Json()).AsArray();

        Assert.Equal([200, 400, 404, 200, 200, 409], results.Select(r => (int)r!["status"]!));
        Assert.True((bool)results[4]!["replayed"]!);
        Assert.NotNull(results[1]!["error"]!["changes"]);
        Assert.NotNull(results[5]!["error"]!["eventId"]);
        var snapshot = await (await admin.GetAsync($"/api/v1/cases/{caseId}")).Json();
        Assert.Equal("Completed", (string)snapshot["milestones"]![0]!["status"]!);

        var tooMany = "[" + string.Join(",", Enumerable.Repeat("{}", 1001)) + "]";
        await (await admin.PostAsync("/api/v1/events", SlaHost.Json(tooMany))).Problem(HttpStatusCode.BadRequest, "$");
    }

    [Fact]
    public async Task Processes_keep_versions_and_entitlements_report_status_and_remaining_cases()
    {
        var admin = fixture.Host.Client();
        var process = Api.Id("p");
        var account = Api.Id("acct");

        var v1 = await (await admin.Put($"/api/v1/processes/{process}", Scenario.FirstResponseProcess(60))).Json();
        var same = await (await admin.Put($"/api/v1/processes/{process}", Scenario.FirstResponseProcess(60))).Json();
        var v2 = await (await admin.Put($"/api/v1/processes/{process}", Scenario.FirstResponseProcess(30))).Json();
        var old = await (await admin.GetAsync($"/api/v1/processes/{process}/versions/1")).Json();
        await (await admin.Put($"/api/v1/processes/{Api.Id("p")}", new { name = "x", calendarId = "nope", milestones = Array.Empty<object>() }))
            .Problem(HttpStatusCode.BadRequest, "calendarId");
        await (await admin.GetAsync($"/api/v1/processes/{process}/versions/9")).Problem(HttpStatusCode.NotFound);

        var entitlement = await (await admin.Put($"/api/v1/entitlements/{Api.Id("e")}",
            new { name = "Gold", accountId = account, processId = process, startDate = "2025-01-01", endDate = "2099-12-31", casesAllowed = 10 })).Json();
        var listed = await (await admin.GetAsync($"/api/v1/accounts/{account}/entitlements")).Json();
        await (await admin.Put($"/api/v1/entitlements/{Api.Id("e")}", new { name = "x", accountId = account, startDate = "2025-01-01" }))
            .Problem(HttpStatusCode.BadRequest, "processId");

        Assert.Equal([1, 1, 2], new[] { v1, same, v2 }.Select(v => (int)v["version"]!));
        Assert.Equal(60, (int)old["milestones"]![0]!["minutes"]!);
        Assert.Equal("Active", (string)entitlement["status"]!);
        Assert.Equal(10, (int)entitlement["remainingCases"]!);
        Assert.Single(listed.AsArray());
    }

    private static async Task<JsonNode> Eventually(Func<Task<JsonNode>> read, Func<JsonNode, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        var value = await read();
        while (!done(value) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20); // the queue index is updated one-way, moments after the event
            value = await read();
        }
        return value;
    }
}

internal static class JsonObjectExtensions
{
    public static JsonObject Also(this JsonObject node, Action<JsonObject> change)
    {
        change(node);
        return node;
    }
}
