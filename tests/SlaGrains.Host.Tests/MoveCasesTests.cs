using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace SlaGrains.Host.Tests;

/// <summary>Issue 24: moving the open cases of a process version to another version, per case, over HTTP.</summary>
[Collection(HostTests.Name)]
public sealed class MoveCasesTests(HostFixture fixture)
{
    private static object Process(int firstResponse, int resolution, bool followUp) => new
    {
        name = "Platinum Support",
        milestones = new object[]
        {
            new { name = "First Response", minutes = firstResponse, completedBy = new[] { "agentReplied" } },
            new { name = "Resolution", minutes = resolution, completedBy = new[] { "customerReplied" } },
        }.Concat(followUp ? [new { name = "Follow Up", minutes = 30, completedBy = new[] { "customerReplied" } }] : []).ToArray(),
    };

    private static string Iso(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);

    private static JsonNode Find(JsonNode snapshot, string id) => snapshot["milestones"]!.AsArray().Single(m => (string)m!["id"]! == id)!;

    /// <summary>A process at version 1 (60-minute first response, 480-minute resolution) and an entitlement to it.</summary>
    private async Task<(HttpClient Admin, string Process, string Entitlement)> Version1()
    {
        var admin = fixture.Host.Client();
        var process = Api.Id("p");
        var entitlement = Api.Id("e");
        (await admin.Put($"/api/v1/processes/{process}", Process(60, 480, followUp: false))).EnsureSuccessStatusCode();
        (await admin.Put($"/api/v1/entitlements/{entitlement}", new { name = "Gold", accountId = Api.Id("acct"), processId = process, startDate = "2025-01-01" }))
            .EnsureSuccessStatusCode();
        return (admin, process, entitlement);
    }

    [Fact]
    public async Task Open_cases_on_the_version_move_and_are_reevaluated_while_completed_milestones_and_history_before_the_move_stay()
    {
        var (admin, process, entitlement) = await Version1();
        var opened = DateTimeOffset.UtcNow.AddMinutes(-10);
        var open = Api.Id("case");
        var closed = Api.Id("case");
        await (await admin.Post($"/api/v1/cases/{open}/events", Scenario.Opened("o", entitlement, opened))).Json();
        await (await admin.Post($"/api/v1/cases/{open}/events", new { eventId = "r", type = "agentReplied", occurredAt = Iso(opened.AddMinutes(5)) })).Json();
        await (await admin.Post($"/api/v1/cases/{closed}/events", Scenario.Opened("o", entitlement, opened))).Json();
        await (await admin.Post($"/api/v1/cases/{closed}/events", new { eventId = "c", type = "closed", occurredAt = Iso(opened.AddMinutes(1)) })).Json();
        var asOf = Uri.EscapeDataString(Iso(opened.AddMinutes(7)));
        var before = (await (await admin.GetAsync($"/api/v1/cases/{open}?asOf={asOf}")).Json()).ToJsonString();

        (await admin.Put($"/api/v1/processes/{process}", Process(1, 120, followUp: true))).EnsureSuccessStatusCode();
        var onVersion2 = Api.Id("case"); // admitted now: pinned to version 2 already
        await (await admin.Post($"/api/v1/cases/{onVersion2}/events", Scenario.Opened("o", entitlement, opened))).Json();

        var answer = await (await admin.Post($"/api/v1/processes/{process}/move-cases", new { fromVersion = 1, toVersion = 2 })).Json();

        Assert.Equal(1, (int)answer["moved"]!);
        var results = answer["results"]!.AsArray().ToDictionary(r => (string)r!["caseId"]!, r => r!);
        Assert.Equal("moved", (string)results[open]["outcome"]!);
        Assert.Equal("skipped", (string)results[onVersion2]["outcome"]!);
        Assert.Contains("version 2", (string)results[onVersion2]["reason"]!, StringComparison.Ordinal);
        Assert.False(results.ContainsKey(closed)); // closed cases keep the version they ran on

        var snapshot = await (await admin.GetAsync($"/api/v1/cases/{open}")).Json();
        Assert.Equal(2, (int)snapshot["processVersion"]!);
        // Replied after 5 minutes: on time under version 1, and version 2's one minute does not rewrite that.
        Assert.Equal("Completed", (string)Find(snapshot, "first-response#1")["status"]!);
        // Still open: 120 minutes from its start now, not 480.
        Assert.Equal(opened.AddMinutes(120), DateTimeOffset.Parse((string)Find(snapshot, "resolution#1")["targetAt"]!, CultureInfo.InvariantCulture));
        Assert.Equal("InProgress", (string)Find(snapshot, "follow-up#1")["status"]!);
        Assert.Equal(before, (await (await admin.GetAsync($"/api/v1/cases/{open}?asOf={asOf}")).Json()).ToJsonString());
        var history = (await (await admin.GetAsync($"/api/v1/cases/{open}/events")).Json()).AsArray();
        Assert.Equal("processMoved", (string)history[^1]!["type"]!);
        Assert.Equal(2, (int)history[^1]!["processVersion"]!);

        var again = await (await admin.Post($"/api/v1/processes/{process}/move-cases", new { fromVersion = 1, toVersion = 2 })).Json();
        Assert.Equal(0, (int)again["moved"]!);
        Assert.All(again["results"]!.AsArray(), r => Assert.Equal("skipped", (string)r!["outcome"]!));

        var trail = (await (await admin.GetAsync($"/api/v1/audit?resource={process}")).Json())["items"]!.AsArray();
        var moves = trail.Where(i => (string)i!["action"]! == "casesMoved").ToList();
        Assert.Equal(2, moves.Count);
        Assert.Equal(2, (int)moves[^1]!["resource"]!["version"]!);
        Assert.Equal(1, (int)moves[^1]!["before"]!["version"]!);
        Assert.Equal(1, (int)moves[^1]!["after"]!["moved"]!);
    }

    [Fact]
    public async Task A_move_names_the_field_that_is_wrong_and_an_unknown_process_is_a_404()
    {
        var admin = fixture.Host.Client();
        var process = Api.Id("p");
        (await admin.Put($"/api/v1/processes/{process}", Process(60, 480, followUp: false))).EnsureSuccessStatusCode();

        await (await admin.Post($"/api/v1/processes/{process}/move-cases", new { fromVersion = 1 })).Problem(HttpStatusCode.BadRequest, "toVersion");
        await (await admin.Post($"/api/v1/processes/{process}/move-cases", new { fromVersion = 1, toVersion = 7 })).Problem(HttpStatusCode.BadRequest, "toVersion");
        await (await admin.Post($"/api/v1/processes/{process}/move-cases", new { fromVersion = 1, toVersion = 1 })).Problem(HttpStatusCode.BadRequest, "toVersion");
        await (await admin.Post($"/api/v1/processes/{process}/move-cases", new { fromVersion = 0, toVersion = 1 })).Problem(HttpStatusCode.BadRequest, "fromVersion");
        await (await admin.Post($"/api/v1/processes/{process}/move-cases", new { fromVersion = "one", toVersion = 1 })).Problem(HttpStatusCode.BadRequest, "fromVersion");
        await (await admin.Post($"/api/v1/processes/{Api.Id("p")}/move-cases", new { fromVersion = 1, toVersion = 2 })).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task What_if_reproduces_a_moved_cases_actual_outcome_and_runs_the_draft_from_its_start()
    {
        var (admin, process, entitlement) = await Version1();
        var opened = DateTimeOffset.UtcNow.AddMinutes(-10);
        var caseId = Api.Id("case");
        await (await admin.Post($"/api/v1/cases/{caseId}/events", Scenario.Opened("o", entitlement, opened))).Json();
        (await admin.Put($"/api/v1/processes/{process}", Process(1, 120, followUp: false))).EnsureSuccessStatusCode();
        await (await admin.Post($"/api/v1/processes/{process}/move-cases", new { fromVersion = 1, toVersion = 2 })).Json();
        var (from, to) = (Uri.EscapeDataString(Iso(opened.AddDays(-1))), Uri.EscapeDataString(Iso(opened.AddDays(1))));
        var report = await (await admin.GetAsync($"/api/v1/reports/compliance?processId={process}&from={from}&to={to}")).Json();

        var answer = await (await admin.Post("/api/v1/reports/what-if",
            new { process = Process(60, 480, followUp: false), processId = process, from = Iso(opened.AddDays(-1)), to = Iso(opened.AddDays(1)) })).Json();

        // Moved to version 2's one-minute first response while unanswered: violated, in the report and in what-if's actual alike.
        Assert.Equal(1, (long)report["totals"]!["violated"]!);
        Assert.True(JsonNode.DeepEquals(report, answer["actual"]), $"{report}\n{answer["actual"]}");
        // Under the draft (version 1's 60 minutes from the start) nothing is due yet.
        Assert.Equal((0L, 2L), ((long)answer["draft"]!["totals"]!["violated"]!, (long)answer["draft"]!["totals"]!["open"]!));
    }
}
