using System.Net;
using SlaGrains.Tests.Shared.Postgres;

namespace SlaGrains.Host.Tests;

/// <summary>The host in PostgreSQL mode end to end: state survives a restart, and an outage is 503s, then recovery.</summary>
public sealed class PostgresHostTests
{
    private static SlaHost Host(TestDatabase database) => new(new Dictionary<string, string?>
    {
        ["ConnectionStrings:Postgres"] = database.ConnectionString,
    });

    [Fact]
    public async Task Events_acknowledged_before_a_restart_are_there_after_it()
    {
        await using var database = await TestDatabase.Create();
        var caseId = Api.Id("case");
        string entitlement;
        await using (var first = Host(database))
        {
            var admin = first.Client();
            (_, entitlement, _) = await Scenario.Entitled(admin);
            await (await admin.Post($"/api/v1/cases/{caseId}/events", Scenario.Opened("o", entitlement, DateTimeOffset.UtcNow.AddMinutes(-5)))).Json();
            await (await admin.Post($"/api/v1/cases/{caseId}/events", new { eventId = "reply", type = "agentReplied" })).Json();
        }

        await using var second = Host(database);
        var client = second.Client();
        Assert.Equal("Healthy", await (await client.GetAsync("/health/ready")).Content.ReadAsStringAsync());
        var snapshot = await (await client.GetAsync($"/api/v1/cases/{caseId}")).Json();
        Assert.Equal(entitlement, (string)snapshot["entitlementId"]!);
        Assert.Equal("Completed", (string)snapshot["milestones"]![0]!["status"]!);
        var replay = await client.Post($"/api/v1/cases/{caseId}/events", new { eventId = "reply", type = "agentReplied" });
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replay").Single());
    }

    [Fact]
    public async Task While_the_database_refuses_connections_writes_are_503s_and_they_recover_on_their_own()
    {
        await using var database = await TestDatabase.Create();
        await using var host = Host(database);
        var admin = host.Client();
        var (_, entitlement, _) = await Scenario.Entitled(admin);
        var opened = Scenario.Opened("o", entitlement, DateTimeOffset.UtcNow);
        var caseId = Api.Id("case");

        await database.Refuse();
        try
        {
            await (await admin.Post($"/api/v1/cases/{caseId}/events", opened)).Problem(HttpStatusCode.ServiceUnavailable);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await admin.GetAsync("/health/ready")).StatusCode);
        }
        finally
        {
            await database.Allow();
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        HttpResponseMessage retry;
        do
        {
            retry = await admin.Post($"/api/v1/cases/{caseId}/events", opened);
            Assert.NotEqual(HttpStatusCode.InternalServerError, retry.StatusCode);
            if (retry.StatusCode == HttpStatusCode.OK)
            {
                break;
            }
            await Task.Delay(200); // the client's retry loop: storage came back, the next attempt should succeed
        }
        while (DateTime.UtcNow < deadline);
        var snapshot = await retry.Json();
        Assert.Equal(caseId, (string)snapshot["caseId"]!);
        Assert.Single((await (await admin.GetAsync($"/api/v1/cases/{caseId}/events")).Json()).AsArray());
    }
}
