using System.Net;
using System.Text.Json.Nodes;
using SlaGrains.Tests.Shared.Webhooks;

namespace SlaGrains.Host.Tests;

[Collection(HostTests.Name)]
public sealed class WebhookTests(HostFixture fixture)
{
    [Fact]
    public async Task A_violation_reaches_the_webhook_signed_retried_after_failures_and_logged()
    {
        await using var receiver = new WebhookReceiver(failFirst: 2);
        await receiver.StartAsync();
        var admin = fixture.Host.Client();
        var webhook = Api.Id("hook");
        var stored = await (await admin.Put($"/api/v1/webhooks/{webhook}",
            new { url = receiver.Url, events = new[] { "milestone.violated" }, secret = WebhookReceiver.Secret })).Json();
        Assert.Null(stored["secret"]);

        // Opened 61 minutes ago against a 60-minute First Response: violated the moment it is applied.
        var (_, entitlement, _) = await Scenario.Entitled(admin);
        var caseId = Api.Id("case");
        await (await admin.Post($"/api/v1/cases/{caseId}/events", Scenario.Opened("o", entitlement, DateTimeOffset.UtcNow.AddMinutes(-61)))).Json();
        var deliveryId = $"{caseId}/first-response#1/violation/0m";

        await Until(() => receiver.Accepted.ContainsKey(deliveryId), () => $"no accepted delivery; attempts: {receiver.Attempts.Count}");
        var body = JsonNode.Parse(receiver.Accepted[deliveryId])!;
        Assert.Equal("milestone.violated", (string)body["type"]!);
        Assert.Equal(caseId, (string)body["caseId"]!);
        Assert.True((bool)body["milestone"]!["isViolated"]!);
        var attempts = receiver.Attempts.Where(a => a.DeliveryId == deliveryId).ToList();
        Assert.True(attempts.Count >= 3, $"expected two failures then success, saw {attempts.Count} attempts");
        Assert.All(attempts, a => Assert.True(a.SignatureValid));

        var log = (await (await admin.GetAsync($"/api/v1/webhooks/{webhook}/deliveries")).Json()).AsArray();
        var outcomes = log.Where(a => (string)a!["deliveryId"]! == deliveryId).Select(a => (string)a!["outcome"]!).Reverse().ToList();
        Assert.Equal(["retrying", "retrying", "delivered"], outcomes);
    }

    [Fact]
    public async Task Webhooks_refuse_bad_subscriptions_and_never_show_their_secret()
    {
        var admin = fixture.Host.Client();
        var id = Api.Id("hook");

        await (await admin.Put($"/api/v1/webhooks/{id}", new { url = "ftp://example.org", events = new[] { "milestone.lost" }, secret = "short" }))
            .Problem(HttpStatusCode.BadRequest, "url");
        await (await admin.GetAsync($"/api/v1/webhooks/{id}/deliveries")).Problem(HttpStatusCode.NotFound);
        await (await admin.Put($"/api/v1/webhooks/{id}", new { url = "https://example.org/hook", events = new[] { "case.escalated" }, secret = "a-long-enough-secret" })).Json();
        var listed = await (await admin.GetAsync("/api/v1/webhooks")).Content.ReadAsStringAsync();

        Assert.Contains(id, listed, StringComparison.Ordinal);
        Assert.DoesNotContain("a-long-enough-secret", listed, StringComparison.Ordinal);
    }

    private static async Task Until(Func<bool> condition, Func<string> failure)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure());
            await Task.Delay(20); // deliveries happen in the background, retried every 100-400 ms in tests
        }
    }
}
