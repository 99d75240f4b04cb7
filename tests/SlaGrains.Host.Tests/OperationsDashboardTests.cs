using System.Net;

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
}
