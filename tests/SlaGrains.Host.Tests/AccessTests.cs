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
    public async Task Health_answers_without_a_key_and_outside_development_the_openapi_document_needs_read_and_scalar_is_not_served()
    {
        var anonymous = fixture.Host.Client(key: null);
        var reader = fixture.Host.Client(SlaHost.ReaderKey);

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/live")).StatusCode);
        Assert.Equal("Healthy", await (await anonymous.GetAsync("/health/ready")).Content.ReadAsStringAsync());
        await (await anonymous.GetAsync("/openapi/v1.json")).Problem(HttpStatusCode.Unauthorized);
        await (await fixture.Host.Client(SlaHost.WriterKey).GetAsync("/openapi/v1.json")).Problem(HttpStatusCode.Forbidden);
        var openApi = await (await reader.GetAsync("/openapi/v1.json")).Json();
        Assert.NotNull(openApi["paths"]!["/api/v1/cases/{caseId}/events"]);
        Assert.NotNull(openApi["paths"]!["/api/v1/calendars/{calendarId}/add"]);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/scalar/")).StatusCode);
    }

    [Fact]
    public async Task With_the_public_reference_setting_the_openapi_document_and_scalar_answer_without_a_key()
    {
        await using var host = new SlaHost(new Dictionary<string, string?> { ["Sla:OpenApi:Public"] = "true" });
        var anonymous = host.Client(key: null);

        var openApi = await (await anonymous.GetAsync("/openapi/v1.json")).Json();
        Assert.NotNull(openApi["paths"]!["/api/v1/cases/{caseId}/events"]);
        var scalar = await anonymous.GetAsync("/scalar/");
        Assert.Equal(HttpStatusCode.OK, scalar.StatusCode);
        Assert.Contains("openapi/v1.json", await scalar.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Scalar's page runs an inline script; it alone may, and it still loads nothing from elsewhere.
        var policy = string.Join(";", scalar.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self' 'unsafe-inline'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("http", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/calendars", HttpStatusCode.OK)]
    [InlineData("/api/v1/cases/no-such-case", HttpStatusCode.NotFound)]
    [InlineData("/", null)] // the dashboard (404 where it was not built)
    [InlineData("/health/live", HttpStatusCode.OK)]
    public async Task Every_answer_carries_the_security_headers(string path, HttpStatusCode? status)
    {
        var response = await fixture.Host.Client().GetAsync(path);

        if (status is not null)
        {
            Assert.Equal(status, response.StatusCode);
        }
        AssertSecurityHeaders(response);
        AssertSecurityHeaders(await fixture.Host.Client(key: null).GetAsync("/api/v1/calendars")); // a 401 problem
    }

    internal static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", policy, StringComparison.Ordinal);
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task A_body_over_the_limit_is_a_413_problem()
    {
        var admin = fixture.Host.Client();
        var huge = "[" + string.Join(",", Enumerable.Repeat("""{"caseId":"c","eventId":"e","type":"stopped"}""", 8000)) + "]";

        await (await admin.PostAsync("/api/v1/events", SlaHost.Json(huge))).Problem(HttpStatusCode.RequestEntityTooLarge);
    }
}
