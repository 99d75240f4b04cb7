using System.Net;
using System.Text.Json.Nodes;

namespace SlaGrains.Host.Tests;

/// <summary>Issue 24: calendars are versioned; a case counts each stretch of its life by the version in force then.</summary>
[Collection(HostTests.Name)]
public sealed class CalendarVersionTests(HostFixture fixture)
{
    private static object Hours(string closesAt, string? effectiveFrom = null)
    {
        var day = new[] { new { start = "09:00", end = closesAt } };
        return new
        {
            name = "Support hours",
            timeZone = "Etc/UTC",
            weekly = new { monday = day, tuesday = day, wednesday = day, thursday = day, friday = day },
            effectiveFrom,
        };
    }

    /// <summary>A process with one 40-business-hour milestone on <paramref name="calendar"/>, and an entitlement granting it.</summary>
    private static async Task<string> EntitledOn(HttpClient admin, string calendar)
    {
        var process = Api.Id("p");
        var entitlement = Api.Id("e");
        (await admin.Put($"/api/v1/processes/{process}", new
        {
            name = "Resolution in a week",
            calendarId = calendar,
            milestones = new[] { new { name = "Resolution", minutes = 2400, completedBy = new[] { "agentReplied" } } },
        })).EnsureSuccessStatusCode();
        (await admin.Put($"/api/v1/entitlements/{entitlement}", new { name = "Gold", accountId = Api.Id("acct"), processId = process, startDate = "2025-01-01" }))
            .EnsureSuccessStatusCode();
        return entitlement;
    }

    private static async Task<JsonNode> Milestone(HttpClient client, string caseId, string? asOf = null) =>
        (await (await client.GetAsync($"/api/v1/cases/{caseId}{(asOf is null ? "" : $"?asOf={Uri.EscapeDataString(asOf)}")}")).Json())["milestones"]![0]!;

    [Fact]
    public async Task A_backdated_version_moves_open_cases_targets_after_its_instant_and_leaves_asOf_before_the_edit_and_closed_cases_unchanged()
    {
        var admin = fixture.Host.Client();
        var calendar = Api.Id("cal");
        (await admin.Put($"/api/v1/calendars/{calendar}", Hours("17:00"))).EnsureSuccessStatusCode();
        var entitlement = await EntitledOn(admin, calendar);
        var open = Api.Id("case");
        var closed = Api.Id("case");
        var monday = DateTimeOffset.Parse("2025-03-03T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        await (await admin.Post($"/api/v1/cases/{open}/events", Scenario.Opened("o", entitlement, monday))).Json();
        await (await admin.Post($"/api/v1/cases/{closed}/events", Scenario.Opened("o", entitlement, monday))).Json();
        await (await admin.Post($"/api/v1/cases/{closed}/events", new { eventId = "c", type = "closed", occurredAt = "2025-03-06T10:00:00Z" })).Json();

        // 40 hours at 8 a day from Monday 09:00: used up Friday at 17:00, so due at the next opening.
        var asOfBefore = (await Milestone(admin, open, "2025-03-04T12:00:00Z")).ToJsonString();
        Assert.Equal("2025-03-10T09:00:00Z", (string)(await Milestone(admin, open))["targetAt"]!);
        var closedBefore = (await Milestone(admin, closed)).ToJsonString();

        var written = await (await admin.Put($"/api/v1/calendars/{calendar}?allowPast=true", Hours("13:00", "2025-03-05T00:00:00Z"))).Json();

        Assert.Equal(2, (int)written["version"]!);
        Assert.Equal("2025-03-05T00:00:00Z", (string)written["effectiveFrom"]!);
        var recomputed = written["recomputed"]!.AsArray();
        Assert.Equal(open, (string)Assert.Single(recomputed)!["caseId"]!); // the closed case is not recomputed
        Assert.Equal("recomputed", (string)recomputed[0]!["outcome"]!);

        // Monday and Tuesday gave 16 hours at 8 a day; the other 24 run at 4 a day from Wednesday.
        Assert.Equal("2025-03-13T09:00:00Z", (string)(await Milestone(admin, open))["targetAt"]!);
        Assert.Equal(asOfBefore, (await Milestone(admin, open, "2025-03-04T12:00:00Z")).ToJsonString());
        Assert.Equal(closedBefore, (await Milestone(admin, closed)).ToJsonString());

        var versions = (await (await admin.GetAsync($"/api/v1/calendars/{calendar}/versions")).Json()).AsArray();
        Assert.Equal([1, 2], versions.Select(v => (int)v!["version"]!));
        Assert.Equal("13:00", (string)versions[1]!["weekly"]!["monday"]![0]!["end"]!);
        Assert.Equal("17:00", (string)(await (await admin.GetAsync($"/api/v1/calendars/{calendar}?asOf=2025-03-04T00:00:00Z")).Json())["weekly"]!["monday"]![0]!["end"]!);
        var current = await (await admin.GetAsync($"/api/v1/calendars/{calendar}")).Json();
        Assert.Equal(2, (int)current["version"]!);

        var trail = (await (await admin.GetAsync($"/api/v1/audit?resource={calendar}")).Json())["items"]!.AsArray();
        Assert.Equal(["updated", "created"], trail.Select(i => (string)i!["action"]!));
        Assert.Equal(2, (int)trail[0]!["resource"]!["version"]!);
        Assert.Equal("17:00", (string)trail[0]!["before"]!["weekly"]!["monday"]![0]!["end"]!);
        Assert.Equal("13:00", (string)trail[0]!["after"]!["weekly"]!["monday"]![0]!["end"]!);
    }

    [Fact]
    public async Task A_version_effective_later_is_listed_but_not_in_force_yet_and_the_same_put_again_changes_nothing()
    {
        var admin = fixture.Host.Client();
        var calendar = Api.Id("cal");
        var later = DateTimeOffset.UtcNow.AddDays(7).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        (await admin.Put($"/api/v1/calendars/{calendar}", Hours("17:00"))).EnsureSuccessStatusCode();

        var written = await (await admin.Put($"/api/v1/calendars/{calendar}", Hours("13:00", later))).Json();
        var again = await (await admin.Put($"/api/v1/calendars/{calendar}", Hours("13:00", later))).Json();

        Assert.Equal(2, (int)written["version"]!);
        Assert.Equal(2, (int)again["version"]!);
        var current = await (await admin.GetAsync($"/api/v1/calendars/{calendar}")).Json();
        Assert.Equal(1, (int)current["version"]!);
        Assert.Equal("17:00", (string)current["weekly"]!["monday"]![0]!["end"]!);
        Assert.Equal(2, (await (await admin.GetAsync($"/api/v1/calendars/{calendar}/versions")).Json()).AsArray().Count);
        Assert.Equal(2, (int)(await (await admin.GetAsync($"/api/v1/calendars/{calendar}?asOf={Uri.EscapeDataString(later)}")).Json())["version"]!);
    }

    [Fact]
    public async Task An_effective_instant_in_the_past_without_allowPast_is_a_400_naming_effectiveFrom_and_stores_nothing()
    {
        var admin = fixture.Host.Client();
        var calendar = Api.Id("cal");
        (await admin.Put($"/api/v1/calendars/{calendar}", Hours("17:00"))).EnsureSuccessStatusCode();

        await (await admin.Put($"/api/v1/calendars/{calendar}", Hours("13:00", "2025-03-05T00:00:00Z"))).Problem(HttpStatusCode.BadRequest, "effectiveFrom");
        await (await admin.Put($"/api/v1/calendars/{calendar}?allowPast=yes", Hours("13:00", "2025-03-05T00:00:00Z")))
            .Problem(HttpStatusCode.BadRequest, "allowPast");
        await (await admin.Put($"/api/v1/calendars/{calendar}", Hours("13:00", "next tuesday"))).Problem(HttpStatusCode.BadRequest, "effectiveFrom");
        await (await admin.GetAsync($"/api/v1/calendars/{calendar}?asOf=yesterday")).Problem(HttpStatusCode.BadRequest, "asOf");

        var versions = (await (await admin.GetAsync($"/api/v1/calendars/{calendar}/versions")).Json()).AsArray();
        Assert.Equal(1, (int)Assert.Single(versions)!["version"]!);
    }
}
