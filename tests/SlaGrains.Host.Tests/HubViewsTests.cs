using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace SlaGrains.Host.Tests;

/// <summary>The hub's "my cases" and "all open cases" subscriptions, and what an agent may watch.</summary>
public sealed class HubViewsTests
{
    [Fact]
    public async Task An_agent_watching_their_cases_gets_them_at_once_then_their_changes_and_alerts_with_the_owner()
    {
        await using var host = new SlaHost();
        var admin = host.Client();
        var (_, entitlement, _) = await Scenario.Entitled(admin);
        var (agentId, key) = await People.User(admin, "agent", "Tier 1");
        var mine = Api.Id("case");
        await (await admin.Post($"/api/v1/cases/{mine}/events", new
        {
            eventId = "o", type = "opened",
            @case = new { entitlementId = entitlement, queue = "Tier 2", owner = agentId, subject = "Mine" },
        })).Json();
        await using var hub = HubTests.Connect(host, key);
        var changes = Channel.CreateUnbounded<JsonElement>();
        var completed = Channel.CreateUnbounded<JsonElement>();
        hub.On<JsonElement>("caseChanged", c => changes.Writer.TryWrite(c));
        hub.On<JsonElement>("milestoneCompleted", n => completed.Writer.TryWrite(n));
        await hub.StartAsync();

        var initial = await Eventually(() => hub.InvokeAsync<JsonElement[]>("SubscribeOwner", "me"), cases => cases.Length == 1);
        await (await admin.Post($"/api/v1/cases/{mine}/events", new { eventId = "reply", type = "agentReplied" })).Json();

        Assert.Equal(mine, initial[0].GetProperty("caseId").GetString());
        var pushed = await HubTests.Next(changes, c => c.GetProperty("caseId").GetString() == mine && c.GetProperty("milestones")[0].GetProperty("status").GetString() == "Completed");
        Assert.Equal(agentId, pushed.GetProperty("owner").GetString());
        var notice = await HubTests.Next(completed, n => n.GetProperty("caseId").GetString() == mine);
        Assert.Equal(agentId, notice.GetProperty("owner").GetString());
    }

    [Fact]
    public async Task A_case_given_to_another_agent_arrives_on_their_cases_and_reaches_the_old_owner_to_drop_it()
    {
        await using var host = new SlaHost();
        var admin = host.Client();
        var (_, entitlement, _) = await Scenario.Entitled(admin);
        var (anaId, anaKey) = await People.User(admin, "agent", "Tier 1");
        var (benId, benKey) = await People.User(admin, "agent", "Tier 1");
        var caseId = Api.Id("case");
        await (await admin.Post($"/api/v1/cases/{caseId}/events", new
        {
            eventId = "o", type = "opened",
            @case = new { entitlementId = entitlement, queue = "Tier 2", owner = anaId, subject = "Handed over" }, // neither agent's queue
        })).Json();
        await using var ana = HubTests.Connect(host, anaKey);
        await using var ben = HubTests.Connect(host, benKey);
        var anaChanges = Channel.CreateUnbounded<JsonElement>();
        var benChanges = Channel.CreateUnbounded<JsonElement>();
        ana.On<JsonElement>("caseChanged", c => anaChanges.Writer.TryWrite(c));
        ben.On<JsonElement>("caseChanged", c => benChanges.Writer.TryWrite(c));
        await ana.StartAsync();
        await ben.StartAsync();
        await Eventually(() => ana.InvokeAsync<JsonElement[]>("SubscribeOwner", "me"), cases => cases.Length == 1);
        Assert.Empty(await ben.InvokeAsync<JsonElement[]>("SubscribeOwner", "me"));

        await (await admin.Post($"/api/v1/cases/{caseId}/events", new { eventId = "give", type = "updated", changes = new { owner = benId } })).Json();

        var arrived = await HubTests.Next(benChanges, c => c.GetProperty("caseId").GetString() == caseId);
        Assert.Equal(benId, arrived.GetProperty("owner").GetString());
        Assert.Equal("Handed over", arrived.GetProperty("subject").GetString());
        var left = await HubTests.Next(anaChanges, c => c.GetProperty("caseId").GetString() == caseId && c.GetProperty("owner").GetString() == benId);
        Assert.Equal(arrived.GetProperty("version").GetInt64(), left.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task An_agent_may_not_watch_another_queue_another_owner_or_all_cases_while_a_supervisor_may()
    {
        await using var host = new SlaHost();
        var admin = host.Client();
        var (_, entitlement, _) = await Scenario.Entitled(admin);
        var (_, agentKey) = await People.User(admin, "agent", "Tier 1");
        var (_, supervisorKey) = await People.User(admin, "supervisor");
        var caseId = Api.Id("case");
        await (await admin.Post($"/api/v1/cases/{caseId}/events", Scenario.Opened("o", entitlement, DateTimeOffset.UtcNow, queue: "Tier 2"))).Json();
        await using var agent = HubTests.Connect(host, agentKey);
        await using var supervisor = HubTests.Connect(host, supervisorKey);
        await agent.StartAsync();
        await supervisor.StartAsync();

        await Assert.ThrowsAsync<HubException>(() => agent.InvokeAsync<JsonElement[]>("SubscribeQueue", "Tier 2"));
        await Assert.ThrowsAsync<HubException>(() => agent.InvokeAsync<JsonElement[]>("SubscribeOwner", "someone-else"));
        await Assert.ThrowsAsync<HubException>(() => agent.InvokeAsync<JsonElement[]>("SubscribeAll"));
        Assert.Empty(await agent.InvokeAsync<JsonElement[]>("SubscribeQueue", "Tier 1"));

        var all = await Eventually(() => supervisor.InvokeAsync<JsonElement[]>("SubscribeAll"), cases => cases.Length == 1);
        Assert.Equal(caseId, all[0].GetProperty("caseId").GetString());
        Assert.Single(await supervisor.InvokeAsync<JsonElement[]>("SubscribeQueue", "Tier 2"));
        Assert.Empty(await supervisor.InvokeAsync<JsonElement[]>("SubscribeOwner", "someone-else"));
        Assert.Empty(await supervisor.InvokeAsync<JsonElement[]>("SubscribeOwner", "me"));
    }

    /// <summary>The indexes follow each event one-way: ask again until they show it.</summary>
    private static async Task<T> Eventually<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        for (var i = 0; i < 200; i++)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }
            await Task.Delay(25);
        }
        return await read();
    }
}
