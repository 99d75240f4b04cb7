using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace SlaGrains.Host.Tests;

/// <summary>What one connection, and one key, may ask of the live hub.</summary>
public sealed class HubLimitTests
{
    [Fact]
    public async Task A_connection_over_its_subscription_limit_gets_a_hub_error_naming_the_limit_and_keeps_what_it_has()
    {
        await using var host = new SlaHost(new Dictionary<string, string?> { ["Sla:Hub:MaxSubscriptionsPerConnection"] = "3" });
        await using var hub = HubTests.Connect(host);
        await using var other = HubTests.Connect(host);
        await hub.StartAsync();
        await other.StartAsync();
        var cases = Enumerable.Range(0, 4).Select(_ => Api.Id("case")).ToArray();

        await hub.InvokeAsync<JsonElement?>("SubscribeCase", cases[0]);
        await hub.InvokeAsync<JsonElement?>("SubscribeCase", cases[1]);
        await hub.InvokeAsync<JsonElement[]>("SubscribeQueue", Api.Id("queue"));
        var refused = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<JsonElement?>("SubscribeCase", cases[2]));
        Assert.Contains("3 subscriptions", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Sla:Hub:MaxSubscriptionsPerConnection", refused.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<JsonElement[]>("SubscribeQueue", Api.Id("queue")));

        await hub.InvokeAsync<JsonElement?>("SubscribeCase", cases[0]); // what it holds, it may subscribe again
        await hub.InvokeAsync("UnsubscribeCase", cases[1]);
        await hub.InvokeAsync<JsonElement?>("SubscribeCase", cases[2]);
        foreach (var caseId in cases.Take(3))
        {
            await other.InvokeAsync<JsonElement?>("SubscribeCase", caseId); // the limit is per connection
        }
    }

    [Fact]
    public async Task A_key_over_its_hub_call_rate_gets_a_hub_error_while_another_key_is_unaffected()
    {
        await using var host = new SlaHost(new Dictionary<string, string?>
        {
            ["Sla:Hub:CallsPerSecond"] = "1",
            ["Sla:Hub:CallBurst"] = "3",
        });
        await using var noisy = HubTests.Connect(host, SlaHost.ReaderKey);
        await using var sameKey = HubTests.Connect(host, SlaHost.ReaderKey);
        await using var quiet = HubTests.Connect(host, SlaHost.AdminKey);
        await noisy.StartAsync();
        await sameKey.StartAsync();
        await quiet.StartAsync();
        var caseId = Api.Id("case");

        HubException? limited = null;
        for (var i = 0; i < 10 && limited is null; i++)
        {
            try
            {
                await noisy.InvokeAsync<JsonElement?>("SubscribeCase", caseId);
            }
            catch (HubException e)
            {
                limited = e;
            }
        }

        Assert.NotNull(limited);
        Assert.Contains("Too many hub calls", limited.Message, StringComparison.Ordinal);
        Assert.Contains("Sla:Hub:CallsPerSecond", limited.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<HubException>(() => sameKey.InvokeAsync<JsonElement?>("SubscribeCase", caseId)); // per key, not per connection
        await quiet.InvokeAsync<JsonElement?>("SubscribeCase", caseId);
        Assert.Equal(HubConnectionState.Connected, noisy.State);
    }
}
