using System.Net;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace SlaGrains.Host.Tests;

/// <summary>Ids and queue names in paths and hub calls follow the one id rule: a blank or malformed one is a 400 (or a hub refusal) naming it.</summary>
[Collection(HostTests.Name)]
public sealed class PathIdTests(HostFixture fixture)
{
    [Theory]
    [InlineData("/api/v1/cases/%20", "caseId")]
    [InlineData("/api/v1/cases/%20/events", "caseId")]
    [InlineData("/api/v1/cases/%20/milestones/first-response/instances", "caseId")]
    [InlineData("/api/v1/cases/c-1/milestones/%20/instances", "milestone")]
    [InlineData("/api/v1/calendars/%20", "calendarId")]
    [InlineData("/api/v1/calendars/%20/add?start=2025-03-03T09:00:00Z&seconds=60", "calendarId")]
    [InlineData("/api/v1/calendars/a%2Fb/elapsed?from=2025-03-03T09:00:00Z&to=2025-03-04T09:00:00Z", "calendarId")]
    [InlineData("/api/v1/processes/%20", "processId")]
    [InlineData("/api/v1/processes/%20/versions/1", "processId")]
    [InlineData("/api/v1/entitlements/%20", "entitlementId")]
    [InlineData("/api/v1/accounts/%20/entitlements", "accountId")]
    [InlineData("/api/v1/webhooks/%20", "webhookId")]
    [InlineData("/api/v1/webhooks/%20/deliveries", "webhookId")]
    [InlineData("/api/v1/queues/%20/cases", "queue")]
    public async Task A_blank_or_malformed_id_in_a_path_is_a_400_naming_it(string path, string field)
    {
        var admin = fixture.Host.Client();

        await (await admin.GetAsync(path)).Problem(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task A_write_to_a_blank_path_id_is_refused_before_anything_is_stored()
    {
        var admin = fixture.Host.Client();

        await (await admin.Put("/api/v1/calendars/%20", new { name = "24x7", timeZone = "Etc/UTC", alwaysOpen = true }))
            .Problem(HttpStatusCode.BadRequest, "calendarId");
        Assert.DoesNotContain((await (await admin.GetAsync("/api/v1/calendars")).Json()).AsArray(), c => (string?)c!["calendarId"] == " ");
    }

    [Fact]
    public async Task A_hub_call_with_a_blank_or_missing_id_is_refused_naming_it_and_the_connection_stays_open()
    {
        await using var hub = HubTests.Connect(fixture.Host);
        await hub.StartAsync();

        var blankCase = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<object>("SubscribeCase", " "));
        Assert.Contains("not a valid case id", blankCase.Message, StringComparison.Ordinal);
        var missingQueue = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<object>("SubscribeQueue", (string?)null));
        Assert.Contains("not a valid queue name", missingQueue.Message, StringComparison.Ordinal);

        Assert.Equal(HubConnectionState.Connected, hub.State);
        Assert.Empty(await hub.InvokeAsync<object[]>("SubscribeQueue", "Never Used"));
    }
}
