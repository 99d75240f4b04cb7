using SlaGrains.Tests.Shared.Postgres;

namespace SlaGrains.Host.Tests.Reports;

/// <summary>The host on PostgreSQL end to end: its schema has the fact tables, cases write them, and they outlive a restart.</summary>
public sealed class PostgresReportsApiTests
{
    [Fact]
    public async Task Facts_written_through_a_PostgreSQL_host_are_reported_and_survive_a_restart()
    {
        await using var database = await TestDatabase.Create();
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = database.ConnectionString };
        var url = "/api/v1/reports/compliance?from=2025-03-01T00:00:00Z&to=2025-04-01T00:00:00Z&groupBy=queue";
        string process;
        await using (var first = new SlaHost(settings))
        {
            var admin = first.Client();
            (process, var entitlement, _) = await Scenario.Entitled(admin);
            var caseId = Api.Id("case");
            await (await admin.Post($"/api/v1/cases/{caseId}/events", Scenario.Opened("o", entitlement, DateTimeOffset.Parse("2025-03-03T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture)))).Json();
            await (await admin.Post($"/api/v1/cases/{caseId}/events", new { eventId = "r", type = "agentReplied", occurredAt = "2025-03-03T10:20:00Z" })).Json();
            var report = await (await admin.GetAsync(url + $"&processId={process}")).Json();
            Assert.Equal((1L, 100.0, 1200L), ((long)report["totals"]!["met"]!, (double)report["totals"]!["attainmentPercent"]!, (long)report["rows"]![0]!["medianSecondsToComplete"]!));
        }

        await using var second = new SlaHost(settings);
        var after = await (await second.Client(SlaHost.ReaderKey).GetAsync(url + $"&processId={process}")).Json();
        Assert.Equal(("Tier 1", 1L), ((string)after["rows"]![0]!["group"]!["queue"]!, (long)after["totals"]!["met"]!));
    }
}
