using Microsoft.AspNetCore.SignalR.Client;

namespace SlaGrains.Host.Tests;

/// <summary>An open hub connection lives no longer than its personal key.</summary>
public sealed class HubKeyTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_open_hub_connection_closes_when_its_key_is_revoked_or_its_user_deactivated_while_others_stay(bool deactivate)
    {
        // Rechecked every 100 ms instead of 5 s, so the test waits on the close rather than on the default interval.
        await using var host = new SlaHost(new Dictionary<string, string?> { ["Sla:Hub:KeyRecheckInterval"] = "00:00:00.100" });
        var admin = host.Client();
        var (userId, key) = await People.User(admin, "agent", "Tier 1");
        var (_, colleagueKey) = await People.User(admin, "agent", "Tier 1");
        await using var hub = HubTests.Connect(host, key);
        await using var colleague = HubTests.Connect(host, colleagueKey);
        var closed = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.Closed += e => { closed.TrySetResult(e); return Task.CompletedTask; };
        await hub.StartAsync();
        await colleague.StartAsync();
        await hub.InvokeAsync<System.Text.Json.JsonElement>("SubscribeQueue", "Tier 1");
        var keyId = (string)(await (await host.Client(key).GetAsync("/api/v1/me")).Json())["keyId"]!;

        if (deactivate)
        {
            (await admin.DeleteAsync($"/api/v1/users/{userId}")).EnsureSuccessStatusCode();
        }
        else
        {
            (await admin.DeleteAsync($"/api/v1/users/{userId}/keys/{keyId}")).EnsureSuccessStatusCode();
        }

        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(HubConnectionState.Disconnected, hub.State);
        Assert.Equal(HubConnectionState.Connected, colleague.State);
        await colleague.InvokeAsync<System.Text.Json.JsonElement>("SubscribeQueue", "Tier 1");
        // Reconnecting with the dead key is refused.
        await using var again = HubTests.Connect(host, key);
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => again.StartAsync());
    }
}
