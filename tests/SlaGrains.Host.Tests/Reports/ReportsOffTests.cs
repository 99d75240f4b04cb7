using System.Globalization;
using System.Net;
using Npgsql;
using SlaGrains.Tests.Shared.Postgres;

namespace SlaGrains.Host.Tests.Reports;

/// <summary>
/// <c>Sla:Reports:Enabled=false</c> (docs/operations.md, "Reports"): the deployment keeps no facts, takes events as
/// before, and its reports API says reports are off instead of answering empty figures.
/// </summary>
public sealed class ReportsOffTests
{
    private static readonly Dictionary<string, string?> Off = new() { ["Sla:Reports:Enabled"] = "false" };
    private const string Compliance = "/api/v1/reports/compliance?from=2025-03-01T00:00:00Z&to=2025-04-01T00:00:00Z&groupBy=queue";

    [Fact]
    public async Task With_reports_off_events_are_taken_and_every_reports_endpoint_answers_a_503_saying_so()
    {
        await using var host = new SlaHost(Off);
        var admin = host.Client();
        var (process, entitlement, _) = await Scenario.Entitled(admin);
        var caseId = Api.Id("case");
        await (await admin.Post($"/api/v1/cases/{caseId}/events", Scenario.Opened("o", entitlement, At("2025-03-03T10:00:00Z")))).Json();
        var snapshot = await (await admin.Post($"/api/v1/cases/{caseId}/events", new { eventId = "r", type = "agentReplied", occurredAt = "2025-03-03T10:20:00Z" })).Json();
        Assert.Equal("Completed", (string)snapshot["milestones"]![0]!["status"]!);

        var reader = host.Client(SlaHost.ReaderKey);
        foreach (var answer in new[]
        {
            await reader.GetAsync(Compliance),
            await reader.GetAsync("/api/v1/reports/milestones?from=2025-03-01T00:00:00Z&to=2025-04-01T00:00:00Z"),
            await reader.Post("/api/v1/reports/what-if", new { processId = process, process = Scenario.FirstResponseProcess(), from = "2025-03-01T00:00:00Z", to = "2025-04-01T00:00:00Z" }),
        })
        {
            var problem = await answer.Problem(HttpStatusCode.ServiceUnavailable);
            Assert.Equal("Reports are off", (string)problem["title"]!);
            Assert.Contains("Sla:Reports:Enabled", (string)problem["detail"]!, StringComparison.Ordinal);
            Assert.False(answer.Headers.Contains("Retry-After")); // retrying does not help
        }
    }

    [Fact]
    public async Task A_PostgreSQL_host_with_reports_off_writes_no_facts_and_one_with_them_on_does()
    {
        await using var database = await TestDatabase.Create();
        foreach (var enabled in new[] { false, true })
        {
            await using var host = new SlaHost(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Postgres"] = database.ConnectionString,
                ["Sla:Reports:Enabled"] = enabled ? "true" : "false",
            });
            var admin = host.Client();
            var (_, entitlement, _) = await Scenario.Entitled(admin);
            var caseId = Api.Id("case");
            await (await admin.Post($"/api/v1/cases/{caseId}/events", Scenario.Opened("o", entitlement, At("2025-03-03T10:00:00Z")))).Json();
            await (await admin.Post($"/api/v1/cases/{caseId}/events", new { eventId = "r", type = "agentReplied", occurredAt = "2025-03-03T10:20:00Z" })).Json();
            Assert.Equal(enabled ? 1 : 0, await Count(database, $"SELECT count(*) FROM sla_milestone_fact WHERE case_id = '{caseId}' AND status = 'Met'"));
            Assert.Equal(enabled ? 1 : 0, await Count(database, $"SELECT count(*) FROM sla_case_fact WHERE case_id = '{caseId}'"));
        }
    }

    private static DateTimeOffset At(string instant) => DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture);

    private static async Task<long> Count(TestDatabase database, string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
