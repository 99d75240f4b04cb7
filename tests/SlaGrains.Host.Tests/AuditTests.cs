using System.Net;
using System.Text.Json.Nodes;
using SlaGrains.Tests.Shared.Postgres;

namespace SlaGrains.Host.Tests;

[Collection(HostTests.Name)]
public sealed class AuditTests(HostFixture fixture)
{
    private static object Calendar(string name) => new { name, timeZone = "Etc/UTC", alwaysOpen = true };

    private static async Task<JsonArray> Trail(HttpClient admin, string query) =>
        (await (await admin.GetAsync($"/api/v1/audit?{query}")).Json())["items"]!.AsArray();

    [Fact]
    public async Task Every_definition_change_is_recorded_with_its_actor_action_resource_and_before_and_after()
    {
        var admin = fixture.Host.Client();
        var calendar = Api.Id("cal");
        (await admin.Put($"/api/v1/calendars/{calendar}", Calendar("First"))).EnsureSuccessStatusCode();
        (await admin.Put($"/api/v1/calendars/{calendar}", Calendar("First"))).EnsureSuccessStatusCode(); // unchanged: not recorded
        (await admin.Put($"/api/v1/calendars/{calendar}", Calendar("Second"))).EnsureSuccessStatusCode();

        var items = await Trail(admin, $"resource={calendar}");

        Assert.Equal(["updated", "created"], items.Select(i => (string)i!["action"]!));
        var updated = items[0]!;
        Assert.Equal("integration", (string)updated["actor"]!["kind"]!);
        Assert.Equal("admin", (string)updated["actor"]!["id"]!); // the key's name in the host's configuration
        Assert.Equal("calendar", (string)updated["resource"]!["kind"]!);
        Assert.Equal(calendar, (string)updated["resource"]!["id"]!);
        Assert.Equal("First", (string)updated["before"]!["name"]!);
        Assert.Equal("Second", (string)updated["after"]!["name"]!);
        Assert.True(DateTimeOffset.UtcNow - DateTimeOffset.Parse((string)updated["at"]!, System.Globalization.CultureInfo.InvariantCulture) < TimeSpan.FromMinutes(5));
        Assert.Null(items[1]!["before"]);
    }

    [Fact]
    public async Task Processes_entitlements_and_webhooks_are_recorded_too_with_versions_and_never_a_secret()
    {
        var admin = fixture.Host.Client();
        var (process, entitlement, _) = await Scenario.Entitled(admin);
        (await admin.Put($"/api/v1/processes/{process}", Scenario.FirstResponseProcess(90))).EnsureSuccessStatusCode();
        var webhook = Api.Id("hook");
        (await admin.Put($"/api/v1/webhooks/{webhook}", new { url = "https://example.org/hook", events = new[] { "case.escalated" }, secret = "a-secret-never-in-the-trail" }))
            .EnsureSuccessStatusCode();

        var processTrail = await Trail(admin, $"kind=process&resource={process}");
        Assert.Equal([2, 1], processTrail.Select(i => (int)i!["resource"]!["version"]!));
        Assert.Equal(60, (int)processTrail[0]!["before"]!["milestones"]![0]!["minutes"]!);
        Assert.Equal(90, (int)processTrail[0]!["after"]!["milestones"]![0]!["minutes"]!);
        var entitlementTrail = await Trail(admin, $"kind=entitlement&resource={entitlement}");
        Assert.Equal(process, (string)Assert.Single(entitlementTrail)!["after"]!["processId"]!);
        var webhookTrail = await (await admin.GetAsync($"/api/v1/audit?resource={webhook}")).Content.ReadAsStringAsync();
        Assert.Contains("https://example.org/hook", webhookTrail, StringComparison.Ordinal);
        Assert.DoesNotContain("a-secret-never-in-the-trail", webhookTrail, StringComparison.Ordinal);
        Assert.Empty(await Trail(admin, $"kind=calendar&resource={process}"));
    }

    [Fact]
    public async Task The_trail_pages_newest_first_with_a_cursor_and_filters_by_actor_and_time()
    {
        var admin = fixture.Host.Client();
        var calendar = Api.Id("cal");
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        foreach (var name in new[] { "One", "Two", "Three" })
        {
            (await admin.Put($"/api/v1/calendars/{calendar}", Calendar(name))).EnsureSuccessStatusCode();
        }

        var first = await (await admin.GetAsync($"/api/v1/audit?resource={calendar}&limit=2")).Json();
        var cursor = (string)first["nextCursor"]!;
        var second = await (await admin.GetAsync($"/api/v1/audit?resource={calendar}&limit=2&cursor={Uri.EscapeDataString(cursor)}")).Json();

        Assert.Equal(["Three", "Two"], first["items"]!.AsArray().Select(i => (string)i!["after"]!["name"]!));
        Assert.Equal(["One"], second["items"]!.AsArray().Select(i => (string)i!["after"]!["name"]!));
        Assert.Null(second["nextCursor"]);
        Assert.Equal(3, (await Trail(admin, $"resource={calendar}&actor=admin&from={Uri.EscapeDataString(before.ToString("O"))}")).Count);
        Assert.Empty(await Trail(admin, $"resource={calendar}&actor=someone-else"));
        Assert.Empty(await Trail(admin, $"resource={calendar}&to={Uri.EscapeDataString(before.ToString("O"))}"));
    }

    [Fact]
    public async Task Bad_filters_are_400s_naming_the_parameter_and_only_admin_keys_read_the_trail()
    {
        var admin = fixture.Host.Client();

        await (await admin.GetAsync("/api/v1/audit?from=yesterday")).Problem(HttpStatusCode.BadRequest, "from");
        await (await admin.GetAsync("/api/v1/audit?from=2025-03-02T00:00:00Z&to=2025-03-01T00:00:00Z")).Problem(HttpStatusCode.BadRequest, "to");
        await (await admin.GetAsync("/api/v1/audit?limit=0")).Problem(HttpStatusCode.BadRequest, "limit");
        await (await admin.GetAsync("/api/v1/audit?cursor=not-a-cursor")).Problem(HttpStatusCode.BadRequest, "cursor");
        await (await fixture.Host.Client(SlaHost.ReaderKey).GetAsync("/api/v1/audit")).Problem(HttpStatusCode.Forbidden);
    }
}

public sealed class AuditDurabilityTests
{
    [Fact]
    public async Task The_trail_survives_a_restart_on_PostgreSQL()
    {
        await using var database = await TestDatabase.Create();
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = database.ConnectionString };
        var calendar = Api.Id("cal");
        await using (var first = new SlaHost(settings))
        {
            (await first.Client().Put($"/api/v1/calendars/{calendar}", new { name = "Kept", timeZone = "Etc/UTC", alwaysOpen = true })).EnsureSuccessStatusCode();
        }

        await using var second = new SlaHost(settings);
        var items = (await (await second.Client().GetAsync($"/api/v1/audit?resource={calendar}")).Json())["items"]!.AsArray();

        Assert.Equal("Kept", (string)Assert.Single(items)!["after"]!["name"]!);
    }
}
