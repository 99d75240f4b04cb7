using System.Net;
using System.Text.Json.Nodes;

namespace SlaGrains.Host.Tests;

/// <summary>How big one case may grow through the API: events per case, and a recurring milestone's instances in a snapshot.</summary>
public sealed class CaseLimitsApiTests
{
    private static readonly Dictionary<string, string?> Limits = new()
    {
        ["Sla:Limits:EventsPerCase"] = "12",
        ["Sla:Limits:SnapshotInstances"] = "2",
    };

    [Fact]
    public async Task The_event_past_the_limit_is_a_400_naming_the_limit_and_stores_nothing_while_replays_still_answer_200()
    {
        await using var host = new SlaHost(Limits);
        var admin = host.Client();
        var (_, entitlement, _) = await Scenario.Entitled(admin);
        var caseId = Api.Id("case");
        var openedAt = DateTimeOffset.UtcNow.AddHours(-2);
        await (await admin.Post($"/api/v1/cases/{caseId}/events", Scenario.Opened("e0", entitlement, openedAt))).Json();
        for (var i = 1; i < 12; i++)
        {
            await (await admin.Post($"/api/v1/cases/{caseId}/events", Reply($"e{i}", "customerReplied", openedAt.AddMinutes(i)))).Json();
        }

        var refused = await (await admin.Post($"/api/v1/cases/{caseId}/events", Reply("e12", "customerReplied", openedAt.AddMinutes(12))))
            .Problem(HttpStatusCode.BadRequest, "caseId");
        var replay = await admin.Post($"/api/v1/cases/{caseId}/events", Reply("e11", "customerReplied", openedAt.AddMinutes(11)));
        var batch = await (await admin.Post("/api/v1/events", new object[] { new { caseId, eventId = "e13", type = "agentReplied" } })).Json();

        Assert.Contains("Sla:Limits:EventsPerCase is 12", (string)refused["errors"]!["caseId"]![0]!, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replay").Single());
        Assert.Equal(400, (int)batch[0]!["status"]!);
        Assert.True(batch[0]!["error"]!.AsObject().ContainsKey("caseId"));
        var history = (await (await admin.GetAsync($"/api/v1/cases/{caseId}/events")).Json()).AsArray();
        Assert.Equal(12, history.Count);
        Assert.DoesNotContain(history, e => (string)e!["eventId"]! is "e12" or "e13");
    }

    [Fact]
    public async Task A_snapshot_lists_the_latest_instances_of_a_recurring_milestone_and_pages_read_them_all()
    {
        await using var host = new SlaHost(Limits);
        var admin = host.Client();
        var process = Api.Id("p");
        var entitlement = Api.Id("e");
        (await admin.Put($"/api/v1/processes/{process}", new
        {
            name = "Recurring",
            milestones = new object[]
            {
                new { name = "First Response", minutes = 60, completedBy = new[] { "agentReplied" } },
                new { name = "Next Response", minutes = 30, recurrence = "independent", startedBy = new[] { "customerReplied" }, completedBy = new[] { "agentReplied" } },
            },
        })).EnsureSuccessStatusCode();
        (await admin.Put($"/api/v1/entitlements/{entitlement}", new { name = "Gold", accountId = Api.Id("acct"), processId = process, startDate = "2025-01-01" }))
            .EnsureSuccessStatusCode();
        var caseId = Api.Id("case");
        var openedAt = DateTimeOffset.UtcNow.AddHours(-3);
        await (await admin.Post($"/api/v1/cases/{caseId}/events", Scenario.Opened("e0", entitlement, openedAt))).Json();
        for (var i = 0; i < 5; i++)
        {
            await (await admin.Post($"/api/v1/cases/{caseId}/events", Reply($"c{i}", "customerReplied", openedAt.AddMinutes(20 * i + 1)))).Json();
            await (await admin.Post($"/api/v1/cases/{caseId}/events", Reply($"a{i}", "agentReplied", openedAt.AddMinutes(20 * i + 5)))).Json();
        }
        var last = await (await admin.Post($"/api/v1/cases/{caseId}/events", Reply("c5", "customerReplied", DateTimeOffset.UtcNow.AddMinutes(-1)))).Json();

        var snapshot = await (await admin.GetAsync($"/api/v1/cases/{caseId}")).Json();
        Assert.Equal(Ids(last), Ids(snapshot));
        Assert.Equal(["first-response#1", "next-response#4", "next-response#5", "next-response#6"], Ids(snapshot));
        Assert.Equal(3, (int)snapshot["omittedInstances"]!["next-response"]!);
        Assert.Equal("Compliant", (string)snapshot["milestoneStatus"]!);

        var first = await (await admin.GetAsync($"/api/v1/cases/{caseId}/milestones/next-response/instances?limit=4")).Json();
        var rest = await (await admin.GetAsync($"/api/v1/cases/{caseId}/milestones/next-response/instances?from={(int)first["next"]!}")).Json();
        Assert.Equal(6, (int)first["total"]!);
        Assert.Equal("Next Response", (string)first["name"]!);
        Assert.Null(rest["next"]);
        var paged = first["instances"]!.AsArray().Concat(rest["instances"]!.AsArray()).Select(m => (int)m!["instance"]!).ToList();
        Assert.Equal([1, 2, 3, 4, 5, 6], paged);
        Assert.Equal("Completed", (string)first["instances"]![0]!["status"]!);

        await (await admin.GetAsync($"/api/v1/cases/{caseId}/milestones/resolution/instances")).Problem(HttpStatusCode.NotFound);
        await (await admin.GetAsync($"/api/v1/cases/{Api.Id("case")}/milestones/next-response/instances")).Problem(HttpStatusCode.NotFound);
        await (await admin.GetAsync($"/api/v1/cases/{caseId}/milestones/next-response/instances?limit=0")).Problem(HttpStatusCode.BadRequest, "limit");
        await (await admin.GetAsync($"/api/v1/cases/{caseId}/milestones/next-response/instances?from=0")).Problem(HttpStatusCode.BadRequest, "from");
    }

    private static object Reply(string eventId, string type, DateTimeOffset occurredAt) =>
        new { eventId, type, occurredAt = occurredAt.ToString("O") };

    private static List<string> Ids(JsonNode snapshot) =>
        [.. snapshot["milestones"]!.AsArray().Select(m => (string)m!["id"]!)];
}
