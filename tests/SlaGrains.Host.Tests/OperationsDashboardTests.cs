using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace SlaGrains.Host.Tests;

/// <summary>The Orleans operations dashboard at /ops: it has no authentication of its own, so the admin scope guards it.</summary>
[Collection(HostTests.Name)]
public sealed class OperationsDashboardTests(HostFixture fixture)
{
    [Theory]
    [InlineData("/ops/")]
    [InlineData("/ops/index.min.js")]
    [InlineData("/ops/DashboardCounters")]
    [InlineData("/ops/Trace")]
    public async Task The_dashboard_and_its_data_need_a_key_with_the_admin_scope(string path)
    {
        await (await fixture.Host.Client(key: null).GetAsync(path)).Problem(HttpStatusCode.Unauthorized);
        await (await fixture.Host.Client(SlaHost.ReaderKey).GetAsync(path)).Problem(HttpStatusCode.Forbidden);
        await (await fixture.Host.Client(SlaHost.WriterKey).GetAsync(path)).Problem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task With_the_admin_key_the_dashboard_shows_this_silo()
    {
        var admin = fixture.Host.Client();

        var page = await admin.GetAsync("/ops/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<title>Orleans Dashboard</title>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var counters = await (await admin.GetAsync("/ops/DashboardCounters")).Json();
        Assert.Contains(counters["hosts"]!.AsArray(), host => (string?)host!["status"] == "Active");
    }

    [Fact]
    public async Task The_dashboard_page_may_use_inline_styles_and_data_fonts_but_no_inline_script_nor_other_origins()
    {
        var page = await fixture.Host.Client().GetAsync("/ops/");

        var policy = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("style-src 'self' 'unsafe-inline'", policy, StringComparison.Ordinal);
        Assert.Contains("font-src 'self' data:", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", policy, StringComparison.Ordinal); // falls back to default-src 'self'
        Assert.DoesNotContain("http", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        // The rest of the site keeps the strict policy.
        var api = await fixture.Host.Client().GetAsync("/api/v1/calendars");
        Assert.DoesNotContain("unsafe-inline", string.Join(";", api.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_browser_is_asked_for_basic_credentials_whose_password_is_the_key()
    {
        var anonymous = await fixture.Host.Client(key: null).GetAsync("/ops/");
        await anonymous.Problem(HttpStatusCode.Unauthorized);
        Assert.Equal("Basic", Assert.Single(anonymous.Headers.WwwAuthenticate).Scheme);

        Assert.Equal(HttpStatusCode.OK, (await Basic(SlaHost.AdminKey).GetAsync("/ops/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Basic(SlaHost.AdminKey).GetAsync("/ops/DashboardCounters")).StatusCode);
        await (await Basic(SlaHost.ReaderKey).GetAsync("/ops/")).Problem(HttpStatusCode.Forbidden);
        // Only the dashboard reads Basic credentials, and asks for them: the API wants its header.
        var api = await Basic(SlaHost.AdminKey).GetAsync("/api/v1/calendars");
        await api.Problem(HttpStatusCode.Unauthorized);
        Assert.DoesNotContain(api.Headers.WwwAuthenticate, h => h.Scheme == "Basic");
    }

    [Fact]
    public async Task Switched_off_there_is_no_dashboard_and_the_api_still_answers()
    {
        await using var host = new SlaHost(new Dictionary<string, string?> { ["Sla:Ops:Enabled"] = "false" });
        var admin = host.Client();

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/ops/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/calendars")).StatusCode);
    }

    [Fact]
    public void A_counter_interval_under_a_second_refuses_to_start_naming_the_setting()
    {
        using var host = new SlaHost(new Dictionary<string, string?> { ["Sla:Ops:CounterUpdateIntervalMs"] = "500" });

        var error = Assert.ThrowsAny<Exception>(() => host.Client());
        Assert.Contains("Sla:Ops: CounterUpdateIntervalMs must be at least 1000", error.ToString(), StringComparison.Ordinal);
    }

    private HttpClient Basic(string key)
    {
        var client = fixture.Host.Client(key: null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"operator:{key}")));
        return client;
    }
}
