using System.Net;
using SlaGrains.Tests.Shared.Postgres;

namespace SlaGrains.Host.Tests;

/// <summary>The scale-out roles: grains-only silos, and front-ends that serve the API as Orleans clients of them.</summary>
public sealed class RoleTests
{
    [Fact]
    public async Task A_front_end_serves_the_api_through_a_grains_only_silo()
    {
        await using var database = await TestDatabase.Create();
        Dictionary<string, string?> Settings(string role) => new()
        {
            ["ConnectionStrings:Postgres"] = database.ConnectionString,
            ["Sla:Cluster:AdvertisedIP"] = "127.0.0.1",
            ["Sla:Role"] = role,
        };
        await using var silo = new SlaHost(Settings("silo"));
        var siloClient = silo.Client();
        Assert.Equal("Healthy", await (await siloClient.GetAsync("/health/ready")).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await siloClient.GetAsync("/api/v1/calendars")).StatusCode);
        // A grains-only silo has no API keys, so it does not show the operations dashboard; front-ends do.
        Assert.Equal(HttpStatusCode.NotFound, (await siloClient.GetAsync("/ops/")).StatusCode);

        await using var frontend = new SlaHost(Settings("frontend"));
        var admin = frontend.Client();
        var (_, entitlement, _) = await Scenario.Entitled(admin);
        var caseId = Api.Id("case");
        var snapshot = await (await admin.Post($"/api/v1/cases/{caseId}/events", Scenario.Opened("o", entitlement, DateTimeOffset.UtcNow))).Json();

        Assert.Equal(entitlement, (string)snapshot["entitlementId"]!);
        Assert.Equal("Healthy", await (await admin.GetAsync("/health/ready")).Content.ReadAsStringAsync());
        // The front-end, an Orleans client, shows the cluster's dashboard from the silo's statistics, behind admin.
        await (await frontend.Client(SlaHost.ReaderKey).GetAsync("/ops/DashboardCounters")).Problem(HttpStatusCode.Forbidden);
        var counters = await (await admin.GetAsync("/ops/DashboardCounters")).Json();
        Assert.Contains(counters["hosts"]!.AsArray(), host => (string?)host!["status"] == "Active");
    }

    [Fact]
    public void A_cluster_role_without_postgres_refuses_to_start()
    {
        using var host = new SlaHost(new Dictionary<string, string?> { ["Sla:Role"] = "frontend" });

        var error = Assert.ThrowsAny<Exception>(() => host.Client());
        Assert.Contains("ConnectionStrings:Postgres", error.ToString(), StringComparison.Ordinal);
    }
}
