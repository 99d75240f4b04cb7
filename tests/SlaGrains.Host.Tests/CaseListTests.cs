using System.Net;
using System.Text.Json.Nodes;

namespace SlaGrains.Host.Tests;

/// <summary>docs/api.md, "Listing open cases": my cases, queues, every open case for supervisors; by state; cursor-paged.</summary>
public sealed class CaseListTests
{
    private sealed record Cases(HttpClient Admin, HttpClient Agent, HttpClient Supervisor, string AgentId, string Mine, string Theirs, string Unowned, string Closed);

    /// <summary>
    /// The agent's case in Tier 1 (due in 50 min), a colleague's in Tier 2 (violated), an unowned one in Tier 1 (due in
    /// 55 min) and the agent's closed one; the agent works Tier 1.
    /// </summary>
    private static async Task<Cases> Seed(SlaHost host)
    {
        var admin = host.Client();
        var (_, entitlement, _) = await Scenario.Entitled(admin);
        var (agentId, agentKey) = await People.User(admin, "agent", "Tier 1");
        var (colleagueId, _) = await People.User(admin, "agent", "Tier 2");
        var (_, supervisorKey) = await People.User(admin, "supervisor");
        var now = DateTimeOffset.UtcNow;
        async Task<string> Open(string? owner, string queue, int minutesAgo)
        {
            var caseId = Api.Id("case");
            await (await admin.Post($"/api/v1/cases/{caseId}/events", new
            {
                eventId = "o",
                type = "opened",
                occurredAt = now.AddMinutes(-minutesAgo).ToString("O"),
                @case = new { entitlementId = entitlement, priority = "High", status = "New", queue, owner, subject = "Cannot log in" },
            })).Json();
            return caseId;
        }
        var mine = await Open(agentId, "Tier 1", 10);
        var theirs = await Open(colleagueId, "Tier 2", 70);
        var unowned = await Open(null, "Tier 1", 5);
        var closed = await Open(agentId, "Tier 2", 1);
        await (await admin.Post($"/api/v1/cases/{closed}/events", new { eventId = "c", type = "closed" })).Json();
        var cases = new Cases(admin, host.Client(agentKey), host.Client(supervisorKey), agentId, mine, theirs, unowned, closed);
        // The indexes are updated one-way after each event: wait until they show all three open cases.
        await Until(() => List(cases.Supervisor, ""), page => page["items"]!.AsArray().Count == 3);
        return cases;
    }

    [Fact]
    public async Task An_agent_lists_their_own_cases_and_their_queues_but_not_another_queue_or_owner()
    {
        await using var host = new SlaHost();
        var c = await Seed(host);

        Assert.Equal([c.Mine], Ids(await List(c.Agent, "owner=me")));
        Assert.Equal([c.Mine, c.Unowned], Ids(await List(c.Agent, "")));
        Assert.Equal([c.Mine, c.Unowned], Ids(await List(c.Agent, "queue=Tier%201")));
        Assert.Equal([c.Mine], Ids(await List(c.Agent, "owner=me&queue=Tier%201")));
        await (await c.Agent.GetAsync("/api/v1/cases?queue=Tier%202")).Problem(HttpStatusCode.Forbidden, "queue");
        await (await c.Agent.GetAsync($"/api/v1/cases?owner=someone-else")).Problem(HttpStatusCode.Forbidden, "owner");
    }

    [Fact]
    public async Task A_supervisor_lists_every_open_case_soonest_deadline_first_with_every_open_milestone()
    {
        await using var host = new SlaHost();
        var c = await Seed(host);

        var all = await List(c.Supervisor, "");
        var row = all["items"]![1]!;
        var milestone = row["milestones"]![0]!;

        Assert.Equal([c.Theirs, c.Mine, c.Unowned], Ids(all)); // the violated one first: its target has passed
        Assert.Equal(c.AgentId, (string)row["owner"]!);
        Assert.Equal("Tier 1", (string)row["queue"]!);
        Assert.Equal("First Response", (string)milestone["name"]!);
        Assert.Equal("InProgress", (string)milestone["status"]!);
        Assert.True((bool)milestone["clockRunning"]!);
        Assert.InRange((long)milestone["remainingSeconds"]!, 49 * 60 - 30, 50 * 60);
        Assert.Equal((string)milestone["targetAt"]!, (string)row["nextDeadlineAt"]!);
        Assert.Equal("Violated", (string)all["items"]![0]!["milestones"]![0]!["status"]!);
        Assert.True((long)all["items"]![0]!["milestones"]![0]!["overdueSeconds"]! > 0);
        Assert.Equal([c.Theirs], Ids(await List(c.Supervisor, "state=violated")));
        Assert.Empty(Ids(await List(c.Supervisor, "state=paused,stopped")));
        Assert.Equal([c.Theirs, c.Mine, c.Unowned], Ids(await List(c.Supervisor, "queue=Tier%201&queue=Tier%202")));
        Assert.Equal([c.Mine], Ids(await List(c.Supervisor, $"owner={c.AgentId}")));
        Assert.Equal([c.Theirs, c.Mine, c.Unowned], Ids(await List(c.Admin, "")));
    }

    [Fact]
    public async Task Pages_follow_each_other_by_cursor_until_the_last_has_none()
    {
        await using var host = new SlaHost();
        var c = await Seed(host);

        var first = await List(c.Supervisor, "limit=2");
        var second = await List(c.Supervisor, $"limit=2&cursor={(string)first["nextCursor"]!}");

        Assert.Equal([c.Theirs, c.Mine], Ids(first));
        Assert.Equal([c.Unowned], Ids(second));
        Assert.Null(second["nextCursor"]);
    }

    [Fact]
    public async Task Bad_listing_parameters_answer_problems_naming_them()
    {
        await using var host = new SlaHost();
        var admin = host.Client();

        await (await admin.GetAsync("/api/v1/cases?state=late")).Problem(HttpStatusCode.BadRequest, "state");
        await (await admin.GetAsync("/api/v1/cases?cursor=nonsense")).Problem(HttpStatusCode.BadRequest, "cursor");
        await (await admin.GetAsync("/api/v1/cases?limit=0")).Problem(HttpStatusCode.BadRequest, "limit");
        await (await admin.GetAsync("/api/v1/cases?queue=a/b")).Problem(HttpStatusCode.BadRequest, "queue");
        await (await admin.GetAsync("/api/v1/cases?owner=me")).Problem(HttpStatusCode.BadRequest, "owner"); // an integration is nobody's "me"
        await (await host.Client(SlaHost.WriterKey).GetAsync("/api/v1/cases")).Problem(HttpStatusCode.Forbidden);
    }

    private static async Task<JsonNode> List(HttpClient client, string query) =>
        await (await client.GetAsync($"/api/v1/cases?{query}")).Json();

    private static List<string> Ids(JsonNode page) => [.. page["items"]!.AsArray().Select(r => (string)r!["caseId"]!)];

    private static async Task Until(Func<Task<JsonNode>> read, Func<JsonNode, bool> done)
    {
        for (var i = 0; i < 200; i++)
        {
            if (done(await read()))
            {
                return;
            }
            await Task.Delay(25);
        }
        Assert.Fail("The listing never showed the expected cases.");
    }
}
