using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using SlaGrains.Tests.Shared.Webhooks;

namespace SlaGrains.Host.Tests;

/// <summary>One notice, one shape: a webhook's body and the hub's message for the same notice are the same JSON.</summary>
public sealed class NoticeShapeTests
{
    [Fact]
    public async Task A_webhook_body_and_the_hub_message_of_the_same_notice_are_the_same_JSON_in_the_documented_shape()
    {
        await using var host = new SlaHost();
        await using var receiver = new WebhookReceiver(failFirst: 0);
        await receiver.StartAsync();
        var admin = host.Client();
        await (await admin.Put($"/api/v1/webhooks/{Api.Id("hook")}",
            new { url = receiver.Url, events = new[] { "milestone.completed" }, secret = WebhookReceiver.Secret })).Json();
        var (_, entitlement, _) = await Scenario.Entitled(admin);
        var caseId = Api.Id("case");
        await (await admin.Post($"/api/v1/cases/{caseId}/events", Scenario.Opened("o", entitlement, DateTimeOffset.UtcNow.AddMinutes(-5)))).Json();

        await using var hub = HubTests.Connect(host);
        var completed = Channel.CreateUnbounded<JsonElement>();
        hub.On<JsonElement>("milestoneCompleted", n => completed.Writer.TryWrite(n));
        await hub.StartAsync();
        await hub.InvokeAsync<JsonElement>("SubscribeCase", caseId);
        await (await admin.Post($"/api/v1/cases/{caseId}/events", new { eventId = "reply", type = "agentReplied" })).Json();

        var deliveryId = $"{caseId}/first-response#1/success/0m";
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        JsonElement pushed;
        do
        {
            pushed = await completed.Reader.ReadAsync(timeout.Token);
        }
        while (pushed.GetProperty("deliveryId").GetString() != deliveryId);
        while (!receiver.Accepted.ContainsKey(deliveryId))
        {
            timeout.Token.ThrowIfCancellationRequested();
            await Task.Delay(10); // the receiver is a real HTTP server on loopback: its request arrives in real time
        }

        var body = JsonNode.Parse(receiver.Accepted[deliveryId])!.AsObject();
        var message = JsonNode.Parse(pushed.GetRawText())!.AsObject();
        Assert.Equal(["deliveryId", "type", "occurredAt", "caseId", "queue", "owner", "processId", "late", "changes", "milestone"], body.Select(p => p.Key));
        Assert.Equal(body.Select(p => p.Key), message.Select(p => p.Key));
        Assert.True(JsonNode.DeepEquals(body, message), $"webhook: {body.ToJsonString()}\nhub: {message.ToJsonString()}");
        Assert.Equal("milestone.completed", (string)body["type"]!);
        Assert.Equal("Tier 1", (string?)body["queue"]);
        Assert.False((bool)body["late"]!);
        Assert.Null(body["changes"]);
        Assert.Equal("first-response#1", (string)body["milestone"]!["id"]!);
    }
}
