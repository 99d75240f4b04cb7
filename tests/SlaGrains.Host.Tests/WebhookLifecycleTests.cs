using System.Net;
using SlaGrains.Grains.Webhooks;
using SlaGrains.Tests.Shared.Webhooks;

namespace SlaGrains.Host.Tests;

/// <summary>Webhook filters, pause and resume, redelivery and secret rotation, against receivers on loopback.</summary>
public sealed class WebhookLifecycleTests : IAsyncLifetime
{
    private WebhookHost Host { get; } = new(new Dictionary<string, string?> { ["Sla:Webhooks:MaxAttempts"] = "2" });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Host.DisposeAsync();

    private static object Hook(WebhookReceiver receiver, object? filters = null, string secret = WebhookReceiver.Secret) =>
        new { url = receiver.Url, events = new[] { "milestone.violated" }, secret, filters };

    /// <summary>Opens a case 61 minutes ago on a fresh 60-minute process: violated as it is applied. Returns the violation's delivery id.</summary>
    private static async Task<string> Violate(HttpClient admin, string entitlement, string queue = "Tier 1")
    {
        var caseId = Api.Id("case");
        await (await admin.Post($"/api/v1/cases/{caseId}/events", Scenario.Opened("o", entitlement, DateTimeOffset.UtcNow.AddMinutes(-61), queue: queue))).Json();
        return $"{caseId}/first-response#1/violation/0m";
    }

    [Fact]
    public async Task Filters_send_a_webhook_only_the_notices_of_its_queues_and_processes()
    {
        await using var byProcess = new WebhookReceiver(failFirst: 0);
        await using var byQueue = new WebhookReceiver(failFirst: 0);
        await byProcess.StartAsync();
        await byQueue.StartAsync();
        var admin = Host.Client();
        var (process, entitlement, _) = await Scenario.Entitled(admin);
        var queueHook = Api.Id("hook");
        (await admin.Put($"/api/v1/webhooks/{Api.Id("hook")}", Hook(byProcess, new { processIds = new[] { process } }))).EnsureSuccessStatusCode();
        var stored = await (await admin.Put($"/api/v1/webhooks/{queueHook}", Hook(byQueue, new { queues = new[] { "Tier 2" } }))).Json();
        Assert.Equal("Tier 2", (string)stored["filters"]!["queues"]![0]!);

        var tier1 = await Violate(admin, entitlement, "Tier 1");
        await Until(() => byProcess.Accepted.ContainsKey(tier1));
        var tier2 = await Violate(admin, entitlement, "Tier 2");
        await Until(() => byQueue.Accepted.ContainsKey(tier2) && byProcess.Accepted.ContainsKey(tier2));

        // Each notice is stored in every matching outbox before its event is answered: the Tier 1 one never reached the queue hook.
        Assert.DoesNotContain(byQueue.Attempts, a => a.DeliveryId == tier1);
        Assert.DoesNotContain((await (await admin.GetAsync($"/api/v1/webhooks/{queueHook}/deliveries")).Json()).AsArray(), a => (string)a!["deliveryId"]! == tier1);
        await (await admin.Put($"/api/v1/webhooks/{queueHook}", Hook(byQueue, new { queues = new[] { "a/b" }, processIds = new[] { "" } })))
            .Problem(HttpStatusCode.BadRequest, "filters.queues[0]");
    }

    [Fact]
    public async Task A_paused_webhook_keeps_its_notices_and_sends_them_on_resume()
    {
        await using var paused = new WebhookReceiver(failFirst: 0);
        await using var control = new WebhookReceiver(failFirst: 0);
        await paused.StartAsync();
        await control.StartAsync();
        var admin = Host.Client();
        var (_, entitlement, _) = await Scenario.Entitled(admin);
        var hook = Api.Id("hook");
        (await admin.Put($"/api/v1/webhooks/{hook}", Hook(paused))).EnsureSuccessStatusCode();
        (await admin.Put($"/api/v1/webhooks/{Api.Id("hook")}", Hook(control))).EnsureSuccessStatusCode();

        var record = await (await admin.PostAsync($"/api/v1/webhooks/{hook}/pause", null)).Json();
        Assert.True((bool)record["paused"]!);
        var delivery = await Violate(admin, entitlement);
        await Until(() => control.Accepted.ContainsKey(delivery));

        Assert.Empty(paused.Attempts);
        var held = await (await admin.GetAsync($"/api/v1/webhooks/{hook}")).Json();
        Assert.Equal(1, (int)held["pending"]!);
        Assert.False((bool)(await (await admin.PostAsync($"/api/v1/webhooks/{hook}/resume", null)).Json())["paused"]!);
        await Until(() => paused.Accepted.ContainsKey(delivery));
        var trail = (await (await admin.GetAsync($"/api/v1/audit?resource={hook}")).Json())["items"]!.AsArray();
        Assert.Equal(["resumed", "paused", "created"], trail.Select(i => (string)i!["action"]!));
        await (await admin.PostAsync($"/api/v1/webhooks/{Api.Id("hook")}/pause", null)).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_delivery_that_gave_up_is_sent_again_on_request_and_only_such_a_delivery()
    {
        await using var receiver = new WebhookReceiver(failFirst: 0) { Failing = true };
        await receiver.StartAsync();
        var admin = Host.Client();
        var (_, entitlement, _) = await Scenario.Entitled(admin);
        var hook = Api.Id("hook");
        (await admin.Put($"/api/v1/webhooks/{hook}", Hook(receiver))).EnsureSuccessStatusCode();
        var delivery = await Violate(admin, entitlement);
        var path = $"/api/v1/webhooks/{hook}/deliveries/{Uri.EscapeDataString(delivery)}/redeliver";
        await UntilAsync(async () => (await (await admin.GetAsync($"/api/v1/webhooks/{hook}/deliveries")).Json()).AsArray()
            .Any(a => (string)a!["deliveryId"]! == delivery && (string)a["outcome"]! == "gaveUp"));

        receiver.Failing = false;
        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync(path, null)).StatusCode);
        await Until(() => receiver.Accepted.ContainsKey(delivery));

        Assert.Equal(1, receiver.Attempts.Where(a => a.DeliveryId == delivery).Last().Attempt);
        await (await admin.PostAsync(path, null)).Problem(HttpStatusCode.Conflict); // delivered now
        await (await admin.PostAsync($"/api/v1/webhooks/{hook}/deliveries/{Uri.EscapeDataString("case-x/first-response#1/violation/0m")}/redeliver", null))
            .Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task During_a_rotation_overlap_both_secrets_sign_and_without_one_only_the_new_one_does()
    {
        await using var receiver = new WebhookReceiver(failFirst: 0);
        await receiver.StartAsync();
        var admin = Host.Client();
        var (_, entitlement, _) = await Scenario.Entitled(admin);
        var hook = Api.Id("hook");
        const string next = "the-next-secret-0123456789";
        (await admin.Put($"/api/v1/webhooks/{hook}", Hook(receiver))).EnsureSuccessStatusCode();

        var rotated = await (await admin.Post($"/api/v1/webhooks/{hook}/rotate-secret", new { secret = next, overlapSeconds = 3600 })).Json();
        Assert.NotNull(rotated["previousSecretUntil"]);
        Assert.DoesNotContain(next, rotated.ToJsonString(), StringComparison.Ordinal);
        var during = await Violate(admin, entitlement);
        await Until(() => receiver.Accepted.ContainsKey(during));

        var (header, body) = receiver.Signatures[during];
        var values = header.Split(',');
        Assert.Equal(2, values.Length);
        Assert.True(WebhookSignature.Verify(next, body, values[0]));
        Assert.True(WebhookSignature.Verify(WebhookReceiver.Secret, body, values[1]));

        const string last = "the-last-secret-0123456789";
        (await admin.Post($"/api/v1/webhooks/{hook}/rotate-secret", new { secret = last, overlapSeconds = 0 })).EnsureSuccessStatusCode();
        var after = await Violate(admin, entitlement);
        await Until(() => receiver.Signatures.ContainsKey(after));
        var (single, afterBody) = receiver.Signatures[after];
        Assert.DoesNotContain(",", single, StringComparison.Ordinal);
        Assert.True(WebhookSignature.Verify(last, afterBody, single));

        await (await admin.Post($"/api/v1/webhooks/{hook}/rotate-secret", new { secret = "short", overlapSeconds = -1 })).Problem(HttpStatusCode.BadRequest, "secret");
        await (await admin.Post($"/api/v1/webhooks/{hook}/rotate-secret", new { secret = "another-long-secret-0123", overlapSeconds = 10_000_000 }))
            .Problem(HttpStatusCode.BadRequest, "overlapSeconds");
        // A PUT with another secret replaces it at once, ending any overlap.
        Assert.NotNull((await (await admin.Post($"/api/v1/webhooks/{hook}/rotate-secret", new { secret = next, overlapSeconds = 3600 })).Json())["previousSecretUntil"]);
        Assert.Null((await (await admin.Put($"/api/v1/webhooks/{hook}", Hook(receiver, secret: "replaced-by-a-put-0123456789"))).Json())["previousSecretUntil"]);
        var trail = (await (await admin.GetAsync($"/api/v1/audit?resource={hook}")).Content.ReadAsStringAsync());
        Assert.Contains("secretRotated", trail, StringComparison.Ordinal);
        Assert.DoesNotContain(next, trail, StringComparison.Ordinal);
    }

    private static Task Until(Func<bool> condition) => UntilAsync(() => Task.FromResult(condition()));

    private static async Task UntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for a delivery");
            await Task.Delay(20); // deliveries happen in the background, retried every 100-400 ms in these tests
        }
    }
}
