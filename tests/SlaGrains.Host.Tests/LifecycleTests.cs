using System.Net;
using System.Text.Json.Nodes;

namespace SlaGrains.Host.Tests;

[Collection(HostTests.Name)]
public sealed class LifecycleTests(HostFixture fixture)
{
    private static object AlwaysOpen => new { name = "Round the clock", timeZone = "Etc/UTC", alwaysOpen = true };

    private static object ProcessOn(string calendarId) => new
    {
        name = "On a calendar",
        calendarId,
        milestones = new[] { new { name = "First Response", minutes = 60, completedBy = new[] { "agentReplied" } } },
    };

    private static async Task<JsonArray> UsedBy(HttpResponseMessage response) =>
        (await response.Problem(HttpStatusCode.Conflict))["usedBy"]!.AsArray();

    [Fact]
    public async Task A_calendar_a_process_names_is_a_409_naming_the_process_until_the_process_is_deleted()
    {
        var admin = fixture.Host.Client();
        var calendar = Api.Id("cal");
        var process = Api.Id("p");
        (await admin.Put($"/api/v1/calendars/{calendar}", AlwaysOpen)).EnsureSuccessStatusCode();
        (await admin.Put($"/api/v1/processes/{process}", ProcessOn(calendar))).EnsureSuccessStatusCode();

        var usedBy = await UsedBy(await admin.DeleteAsync($"/api/v1/calendars/{calendar}"));
        Assert.Equal($"process '{process}' (version 1)", (string)Assert.Single(usedBy)!);
        await (await admin.GetAsync($"/api/v1/calendars/{calendar}")).Json(); // still there

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/processes/{process}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/calendars/{calendar}")).StatusCode);

        await (await admin.GetAsync($"/api/v1/calendars/{calendar}")).Problem(HttpStatusCode.NotFound);
        await (await admin.DeleteAsync($"/api/v1/calendars/{calendar}")).Problem(HttpStatusCode.NotFound);
        Assert.DoesNotContain(calendar, await (await admin.GetAsync("/api/v1/calendars")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var trail = (await (await admin.GetAsync($"/api/v1/audit?resource={calendar}")).Json())["items"]!.AsArray();
        Assert.Equal(["deleted", "created"], trail.Select(i => (string)i!["action"]!));
        Assert.Null(trail[0]!["after"]);
        Assert.Equal("Round the clock", (string)trail[0]!["before"]!["name"]!);
    }

    [Fact]
    public async Task A_process_an_entitlement_grants_is_a_409_and_once_deleted_its_pinned_cases_keep_their_version()
    {
        var admin = fixture.Host.Client();
        var (process, entitlement, _) = await Scenario.Entitled(admin);
        var caseId = Api.Id("case");
        await (await admin.Post($"/api/v1/cases/{caseId}/events", Scenario.Opened("o", entitlement, DateTimeOffset.UtcNow.AddMinutes(-5)))).Json();

        Assert.Equal($"entitlement '{entitlement}'", (string)Assert.Single(await UsedBy(await admin.DeleteAsync($"/api/v1/processes/{process}")))!);

        // Point the entitlement at another process: nothing grants the first any more.
        var other = Api.Id("p");
        (await admin.Put($"/api/v1/processes/{other}", Scenario.FirstResponseProcess())).EnsureSuccessStatusCode();
        (await admin.Put($"/api/v1/entitlements/{entitlement}", new { name = "Gold", accountId = Api.Id("acct"), processId = other, startDate = "2025-01-01" }))
            .EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/processes/{process}")).StatusCode);

        await (await admin.GetAsync($"/api/v1/processes/{process}")).Problem(HttpStatusCode.NotFound);
        await (await admin.GetAsync($"/api/v1/processes/{process}/versions/1")).Problem(HttpStatusCode.NotFound);
        Assert.DoesNotContain(process, await (await admin.GetAsync("/api/v1/processes")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var snapshot = await (await admin.Post($"/api/v1/cases/{caseId}/events", new { eventId = "reply", type = "agentReplied" })).Json();
        Assert.Equal(process, (string)snapshot["processId"]!);
        Assert.Equal("Completed", (string)snapshot["milestones"]![0]!["status"]!);
    }

    [Fact]
    public async Task An_entitlement_that_admitted_a_case_is_a_409_and_one_that_never_did_is_deleted()
    {
        var admin = fixture.Host.Client();
        var (_, used, _) = await Scenario.Entitled(admin);
        var (_, unused, account) = await Scenario.Entitled(admin);
        await (await admin.Post($"/api/v1/cases/{Api.Id("case")}/events", Scenario.Opened("o", used, DateTimeOffset.UtcNow))).Json();

        var usedBy = await UsedBy(await admin.DeleteAsync($"/api/v1/entitlements/{used}"));
        Assert.Contains("cases it admitted", (string)Assert.Single(usedBy)!, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/entitlements/{unused}")).StatusCode);

        await (await admin.GetAsync($"/api/v1/entitlements/{unused}")).Problem(HttpStatusCode.NotFound);
        Assert.Empty((await (await admin.GetAsync($"/api/v1/accounts/{account}/entitlements")).Json()).AsArray());
    }

    [Fact]
    public async Task A_deactivated_process_admits_no_new_case_and_says_so_while_open_cases_keep_running()
    {
        var admin = fixture.Host.Client();
        var (process, entitlement, _) = await Scenario.Entitled(admin);
        var before = Api.Id("case");
        await (await admin.Post($"/api/v1/cases/{before}/events", Scenario.Opened("o", entitlement, DateTimeOffset.UtcNow.AddMinutes(-5)))).Json();

        var deactivated = await (await admin.PostAsync($"/api/v1/processes/{process}/deactivate", null)).Json();
        var again = await (await admin.PostAsync($"/api/v1/processes/{process}/deactivate", null)).Json();
        Assert.False((bool)deactivated["active"]!);
        Assert.Equal(2, (int)deactivated["version"]!);
        Assert.Equal(2, (int)again["version"]!); // already deactivated: no new version

        var refused = await (await admin.Post($"/api/v1/cases/{Api.Id("case")}/events", Scenario.Opened("o", entitlement, DateTimeOffset.UtcNow))).Json();
        Assert.Null(refused["processId"]);
        Assert.Empty(refused["milestones"]!.AsArray());
        Assert.Contains("deactivated", (string)refused["entitlementReason"]!, StringComparison.Ordinal);

        var running = await (await admin.Post($"/api/v1/cases/{before}/events", new { eventId = "reply", type = "agentReplied" })).Json();
        Assert.Equal(1, (int)running["processVersion"]!);
        Assert.Equal("Completed", (string)running["milestones"]![0]!["status"]!);

        var activated = await (await admin.PostAsync($"/api/v1/processes/{process}/activate", null)).Json();
        Assert.True((bool)activated["active"]!);
        var admitted = await (await admin.Post($"/api/v1/cases/{Api.Id("case")}/events", Scenario.Opened("o", entitlement, DateTimeOffset.UtcNow))).Json();
        Assert.Equal(3, (int)admitted["processVersion"]!);

        var trail = (await (await admin.GetAsync($"/api/v1/audit?resource={process}")).Json())["items"]!.AsArray();
        Assert.Equal(["activated", "deactivated", "created"], trail.Select(i => (string)i!["action"]!));
        await (await admin.PostAsync($"/api/v1/processes/{Api.Id("p")}/deactivate", null)).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_deleted_webhook_is_gone_with_its_log_and_only_admin_keys_delete()
    {
        var admin = fixture.Host.Client();
        var webhook = Api.Id("hook");
        (await admin.Put($"/api/v1/webhooks/{webhook}", new { url = "https://example.org/hook", events = new[] { "case.escalated" }, secret = "a-long-enough-secret" }))
            .EnsureSuccessStatusCode();

        await (await fixture.Host.Client(SlaHost.ReaderKey).DeleteAsync($"/api/v1/webhooks/{webhook}")).Problem(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/webhooks/{webhook}")).StatusCode);

        await (await admin.GetAsync($"/api/v1/webhooks/{webhook}")).Problem(HttpStatusCode.NotFound);
        await (await admin.GetAsync($"/api/v1/webhooks/{webhook}/deliveries")).Problem(HttpStatusCode.NotFound);
        await (await admin.DeleteAsync($"/api/v1/webhooks/{webhook}")).Problem(HttpStatusCode.NotFound);
        Assert.DoesNotContain(webhook, await (await admin.GetAsync("/api/v1/webhooks")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await (await admin.DeleteAsync("/api/v1/processes/not%20an%20id")).Problem(HttpStatusCode.BadRequest);
    }
}

public sealed class LifecycleDurabilityTests
{
    [Fact]
    public async Task On_PostgreSQL_a_deleted_process_stays_deleted_across_a_restart_and_a_later_put_continues_its_versions()
    {
        await using var database = await SlaGrains.Tests.Shared.Postgres.TestDatabase.Create();
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = database.ConnectionString };
        var process = Api.Id("p");
        await using (var first = new SlaHost(settings))
        {
            var admin = first.Client();
            (await admin.Put($"/api/v1/processes/{process}", Scenario.FirstResponseProcess())).EnsureSuccessStatusCode();
            Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/processes/{process}")).StatusCode);
        }

        await using var second = new SlaHost(settings);
        var client = second.Client();
        await (await client.GetAsync($"/api/v1/processes/{process}")).Problem(HttpStatusCode.NotFound);
        Assert.DoesNotContain(process, await (await client.GetAsync("/api/v1/processes")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var again = await (await client.Put($"/api/v1/processes/{process}", Scenario.FirstResponseProcess())).Json();
        Assert.Equal(2, (int)again["version"]!); // version numbers are never reused: cases may pin version 1
    }
}
