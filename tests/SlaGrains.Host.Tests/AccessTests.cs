using System.Net;

namespace SlaGrains.Host.Tests;

[Collection(HostTests.Name)]
public sealed class AccessTests(HostFixture fixture)
{
    [Fact]
    public async Task Every_endpoint_demands_a_valid_key_with_its_scope()
    {
        var anonymous = fixture.Host.Client(key: null);
        var stranger = fixture.Host.Client("not-a-key-of-ours-at-all");
        var reader = fixture.Host.Client(SlaHost.ReaderKey);
        var writer = fixture.Host.Client(SlaHost.WriterKey);

        await (await anonymous.GetAsync("/api/v1/calendars")).Problem(HttpStatusCode.Unauthorized);
        await (await stranger.GetAsync("/api/v1/calendars")).Problem(HttpStatusCode.Unauthorized);
        await (await reader.Put($"/api/v1/calendars/{Api.Id("cal")}", new { name = "x", timeZone = "Etc/UTC", alwaysOpen = true })).Problem(HttpStatusCode.Forbidden);
        await (await reader.Post($"/api/v1/cases/{Api.Id("case")}/events", new { eventId = "e", type = "stopped" })).Problem(HttpStatusCode.Forbidden);
        await (await writer.GetAsync("/api/v1/processes")).Problem(HttpStatusCode.Forbidden);
        await (await writer.GetAsync("/api/v1/webhooks")).Problem(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/v1/processes")).StatusCode);
    }

    [Fact]
    public async Task Health_and_the_openapi_document_answer_without_a_key()
    {
        var anonymous = fixture.Host.Client(key: null);

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/live")).StatusCode);
        Assert.Equal("Healthy", await (await anonymous.GetAsync("/health/ready")).Content.ReadAsStringAsync());
        var openApi = await (await anonymous.GetAsync("/openapi/v1.json")).Json();
        Assert.NotNull(openApi["paths"]!["/api/v1/cases/{caseId}/events"]);
        Assert.NotNull(openApi["paths"]!["/api/v1/calendars/{calendarId}/add"]);
        var scalar = await anonymous.GetAsync("/scalar");
        Assert.Equal(HttpStatusCode.OK, scalar.StatusCode);
        Assert.Contains("openapi/v1.json", await scalar.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_a_413_problem()
    {
        var admin = fixture.Host.Client();
        var huge = "[" + string.Join(",", Enumerable.Repeat("""{"caseId":"c","eventId":"e","type":"stopped"}""", 8000)) + "]";

        await (await admin.PostAsync("/api/v1/events", SlaHost.Json(huge))).Problem(HttpStatusCode.RequestEntityTooLarge);
    }
}
