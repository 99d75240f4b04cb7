using System.Net;
using System.Text.Json.Nodes;

namespace SlaGrains.Host.Tests;

/// <summary>Every event records who sent it, as the host authenticated them; the case history shows it.</summary>
public sealed class ActorTests
{
    [Fact]
    public async Task Each_event_in_the_history_names_the_user_or_integration_that_sent_it_and_a_replay_keeps_the_first()
    {
        await using var host = new SlaHost();
        var admin = host.Client();
        var (_, entitlement, _) = await Scenario.Entitled(admin);
        var (userId, key) = await People.User(admin, "agent", "Tier 1");
        var agent = host.Client(key);
        var caseId = Api.Id("case");

        await (await admin.Post($"/api/v1/cases/{caseId}/events", Scenario.Opened("o", entitlement, DateTimeOffset.UtcNow))).Json();
        var reply = new { eventId = "reply", type = "agentReplied" };
        await (await agent.Post($"/api/v1/cases/{caseId}/events", reply)).Json();
        var replayed = await host.Client(SlaHost.WriterKey).Post($"/api/v1/cases/{caseId}/events", reply);
        await (await host.Client(SlaHost.WriterKey).Post("/api/v1/events", new[] { new { caseId, eventId = "note", type = "updated", changes = new { status = "Working" } } })).Json();

        Assert.Equal("true", replayed.Headers.GetValues("Idempotent-Replay").Single());
        var history = (await (await admin.GetAsync($"/api/v1/cases/{caseId}/events")).Json()).AsArray();
        Assert.Equal(["o", "reply", "note"], history.Select(e => (string)e!["eventId"]!));
        Assert.Equal(("integration", "admin"), Actor(history[0]!));
        Assert.Equal(("user", userId), Actor(history[1]!));
        Assert.Equal(("integration", "writer"), Actor(history[2]!));
    }

    [Fact]
    public async Task An_actor_in_the_body_is_refused_so_nobody_can_post_as_someone_else()
    {
        await using var host = new SlaHost();
        var admin = host.Client();
        var (_, entitlement, _) = await Scenario.Entitled(admin);
        var caseId = Api.Id("case");
        await (await admin.Post($"/api/v1/cases/{caseId}/events", Scenario.Opened("o", entitlement, DateTimeOffset.UtcNow))).Json();

        var posted = await host.Client(SlaHost.WriterKey).Post($"/api/v1/cases/{caseId}/events",
            new { eventId = "reply", type = "agentReplied", actor = new { kind = "user", id = "ceo" } });

        await posted.Problem(HttpStatusCode.BadRequest, "actor");
    }

    private static (string, string) Actor(JsonNode e) => ((string)e["actor"]!["kind"]!, (string)e["actor"]!["id"]!);
}
