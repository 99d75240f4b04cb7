using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using SlaGrains.Contracts.Live;
using SlaGrains.Tests.Shared.Postgres;

namespace SlaGrains.Host.Tests;

/// <summary>The live hub with a real SignalR client: subscribe, see changes pushed; across two silos as well.</summary>
public sealed class HubTests
{
    internal static HubConnection Connect(SlaHost host, string key = SlaHost.ReaderKey)
    {
        host.StartServer();
        return new HubConnectionBuilder()
            .WithUrl(new Uri(host.Client(null).BaseAddress!, "/hubs/sla"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(key))
            .Build();
    }

    [Fact]
    public async Task A_subscriber_gets_the_snapshot_at_once_then_every_change_with_a_growing_version()
    {
        await using var host = new SlaHost();
        var admin = host.Client();
        var caseId = await OpenEntitledCase(admin);

        await using var hub = Connect(host);
        var changes = Channel.CreateUnbounded<JsonElement>();
        var completed = Channel.CreateUnbounded<JsonElement>();
        hub.On<JsonElement>("caseChanged", c => changes.Writer.TryWrite(c));
        hub.On<JsonElement>("milestoneCompleted", n => completed.Writer.TryWrite(n));
        await hub.StartAsync();

        var initial = await hub.InvokeAsync<JsonElement>("SubscribeCase", caseId);
        Assert.Equal("InProgress", initial.GetProperty("milestones")[0].GetProperty("status").GetString());
        var initialVersion = initial.GetProperty("version").GetInt64();

        await (await admin.Post($"/api/v1/cases/{caseId}/events", new { eventId = "reply", type = "agentReplied" })).Json();

        // Clients drop what is not newer than what they have (a push may overtake the subscription's answer).
        var pushed = await Next(changes, c => c.GetProperty("caseId").GetString() == caseId && c.GetProperty("version").GetInt64() > initialVersion);
        Assert.Equal("Completed", pushed.GetProperty("milestones")[0].GetProperty("status").GetString());
        var notice = await Next(completed, n => n.GetProperty("caseId").GetString() == caseId);
        Assert.Equal($"{caseId}/first-response#1/success/0m", notice.GetProperty("deliveryId").GetString());
    }

    [Fact]
    public async Task A_watcher_keeps_getting_changes_when_others_watching_the_same_case_unsubscribe_or_disconnect()
    {
        await using var host = new SlaHost();
        var admin = host.Client();
        var caseId = await OpenEntitledCase(admin);

        await using var staying = Connect(host);
        await using var leaving = Connect(host);
        await using var disconnecting = Connect(host);
        var stayed = Channel.CreateUnbounded<JsonElement>();
        var left = Channel.CreateUnbounded<JsonElement>();
        staying.On<JsonElement>("caseChanged", c => stayed.Writer.TryWrite(c));
        leaving.On<JsonElement>("caseChanged", c => left.Writer.TryWrite(c));
        foreach (var hub in new[] { staying, leaving, disconnecting })
        {
            await hub.StartAsync();
            await hub.InvokeAsync<JsonElement>("SubscribeCase", caseId);
        }
        await leaving.InvokeAsync<JsonElement>("SubscribeCase", caseId); // twice is still one membership, as in SignalR's groups
        await leaving.InvokeAsync("UnsubscribeCase", caseId);
        await disconnecting.StopAsync();

        await (await admin.Post($"/api/v1/cases/{caseId}/events", new { eventId = "working", type = "updated", changes = new { status = "Working" } })).Json();

        var pushed = await Next(stayed, c => c.GetProperty("caseId").GetString() == caseId && c.GetProperty("status").GetString() == "Working");
        Assert.Equal("Working", pushed.GetProperty("status").GetString());
        // A round trip on the same connection arrives after any push sent to it before.
        await leaving.InvokeAsync("UnsubscribeCase", caseId);
        var afterLeaving = new List<string?>();
        while (left.Reader.TryRead(out var change))
        {
            afterLeaving.Add(change.GetProperty("status").GetString());
        }
        Assert.DoesNotContain("Working", afterLeaving);
    }

    [Fact]
    public async Task The_hub_refuses_connections_without_a_key_with_the_read_scope()
    {
        await using var host = new SlaHost();
        await using var anonymous = Connect(host, key: "");
        await using var writerOnly = Connect(host, SlaHost.WriterKey);

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => anonymous.StartAsync());
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => writerOnly.StartAsync());
    }

    [Fact]
    public async Task A_client_on_one_silo_sees_changes_of_a_case_that_lives_on_another()
    {
        await using var database = await TestDatabase.Create();
        var cluster = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = database.ConnectionString,
            ["Sla:Cluster:AdvertisedIP"] = "127.0.0.1",
        };
        await using var hostA = new SlaHost(cluster);
        await using var hostB = new SlaHost(cluster);
        var adminB = hostB.Client();
        hostA.StartServer();
        var grainsA = hostA.Services.GetRequiredService<IGrainFactory>();
        await Until(async () => (await grainsA.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)).Count == 2, "two active silos");
        await Until(async () => (await grainsA.GetGrain<ILiveRegistryGrain>(0).Relays()).Count == 2, "both relays registered");

        var (_, entitlement, _) = await Scenario.Entitled(adminB);
        var caseId = Api.Id("case");
        var queue = Api.Id("queue");
        await using var hub = Connect(hostA);
        var changes = Channel.CreateUnbounded<JsonElement>();
        hub.On<JsonElement>("caseChanged", c => changes.Writer.TryWrite(c));
        await hub.StartAsync();
        Assert.Empty(await hub.InvokeAsync<JsonElement[]>("SubscribeQueue", queue));

        // Sent to B, the case lives on B (the silo receiving its first event hosts it); the subscriber is on A.
        await (await adminB.Post($"/api/v1/cases/{caseId}/events", Scenario.Opened("o", entitlement, DateTimeOffset.UtcNow, queue: queue))).Json();

        var pushed = await Next(changes, c => c.GetProperty("caseId").GetString() == caseId);
        Assert.Equal(entitlement, pushed.GetProperty("entitlementId").GetString());
        var siloB = hostB.Services.GetRequiredService<Orleans.Runtime.ILocalSiloDetails>().SiloAddress;
        Assert.Equal(siloB, await grainsA.GetGrain<IManagementGrain>(0).GetActivationAddress(grainsA.GetGrain<Contracts.Cases.ICaseGrain>(caseId)));
    }

    /// <summary>A case opened five minutes ago under a fresh entitlement, its First Response running.</summary>
    private static async Task<string> OpenEntitledCase(HttpClient admin)
    {
        var (_, entitlement, _) = await Scenario.Entitled(admin);
        var caseId = Api.Id("case");
        await (await admin.Post($"/api/v1/cases/{caseId}/events", Scenario.Opened("o", entitlement, DateTimeOffset.UtcNow.AddMinutes(-5)))).Json();
        return caseId;
    }

    internal static async Task<JsonElement> Next(Channel<JsonElement> channel, Func<JsonElement, bool> match)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            var item = await channel.Reader.ReadAsync(timeout.Token);
            if (match(item))
            {
                return item;
            }
        }
    }

    private static async Task Until(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}");
            await Task.Delay(200); // cluster membership converges on real time
        }
    }
}
