using System.Net;
using Microsoft.Extensions.Configuration;
using Npgsql;
using SlaGrains.Host.Storage;
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

    [Fact]
    public async Task During_an_outage_the_silo_logs_each_kind_of_activation_failure_once_per_interval_not_once_per_request()
    {
        await using var database = await TestDatabase.Create();
        await using var host = new LoggedHost(new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = database.ConnectionString });
        var admin = host.Client();
        var (_, entitlement, _) = await Scenario.Entitled(admin);

        await database.Refuse();
        var outage = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            for (var i = 0; i < 20; i++) // 20 cases never activated: each request fails to activate one
            {
                await (await admin.Post($"/api/v1/cases/{Api.Id("case")}/events", Scenario.Opened("o", entitlement, DateTimeOffset.UtcNow)))
                    .Problem(HttpStatusCode.ServiceUnavailable);
            }
        }
        finally
        {
            await database.Allow();
        }

        // Orleans reports each failed activation twice, in full; the sampler lets the first of each kind through per
        // 10 s window (so one more for each window the requests spanned) and counts the rest.
        var windows = (int)(outage.Elapsed.TotalSeconds / 10) + 1;
        var orleans = host.Log.GetSnapshot().Where(r => r.Category is { } category && category.StartsWith("Orleans.", StringComparison.Ordinal) && r.Exception is not null).ToList();
        Assert.NotEmpty(orleans);
        foreach (var kind in orleans.GroupBy(r => (r.Category, r.Id.Id)))
        {
            Assert.True(kind.Count() <= windows, $"{kind.Key}: {kind.Count()} entries in {outage.Elapsed.TotalSeconds:F0} s");
        }
    }

    [Fact]
    public async Task At_start_the_log_names_the_PostgreSQL_host_and_database_before_the_silo_joins()
    {
        await using var database = await TestDatabase.Create();
        await using var host = new LoggedHost(new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = database.ConnectionString });
        Assert.Equal("Healthy", await (await host.Client().GetAsync("/health/ready")).Content.ReadAsStringAsync());

        var records = host.Log.GetSnapshot();
        var storage = Assert.Single(records, r => r.Category == typeof(PostgresStorageNotice).FullName);
        var server = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Information, storage.Level);
        Assert.Contains($"PostgreSQL at {server.Host}:{server.Port}, database {database.Name}", storage.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Embedded mode", string.Join('\n', records.Select(r => r.Message)), StringComparison.Ordinal);
        // Before the silo joins: "Now listening" comes once every hosted service, the silo's join included, has started.
        var first = records.ToList().FindIndex(r => r.Category == "Microsoft.Hosting.Lifetime");
        Assert.True(records.ToList().IndexOf(storage) < first, string.Join('\n', records.Select(r => $"{r.Category}: {r.Message}")));
    }

    [Fact]
    public async Task The_storage_line_never_shows_the_password()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = "Host=db.internal;Port=6432;Database=sla;Username=sla_user;Password=never-in-the-log-42",
        }).Build();
        var log = new Microsoft.Extensions.Logging.Testing.FakeLogger<PostgresStorageNotice>();
        var notice = new PostgresStorageNotice(configuration, Microsoft.Extensions.Options.Options.Create(new Orleans.Configuration.ClusterOptions { ClusterId = "blue" }), log);

        await notice.StartingAsync(CancellationToken.None);

        var line = log.LatestRecord.Message;
        Assert.Contains("PostgreSQL at db.internal:6432, database sla", line, StringComparison.Ordinal);
        Assert.Contains("'blue'", line, StringComparison.Ordinal);
        Assert.DoesNotContain("never-in-the-log-42", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Password", line, StringComparison.OrdinalIgnoreCase);
    }
}
