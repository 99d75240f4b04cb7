using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Testing;
using SlaGrains.Grains.Webhooks;
using SlaGrains.Tests.Shared.Webhooks;

namespace SlaGrains.Host.Tests;

/// <summary>What an operator's log shows of webhook deliveries: no HttpClient chatter, and a failing receiver's retries one line each.</summary>
public sealed class WebhookLoggingTests
{
    [Fact]
    public async Task Deliveries_log_no_HttpClient_lines_and_a_dead_receivers_retries_carry_no_stack_trace()
    {
        await using var host = new LoggedHost();
        await using var receiver = new WebhookReceiver(failFirst: 0);
        await receiver.StartAsync();
        var dead = $"http://127.0.0.1:{UnusedPort()}/hook"; // loopback, nothing listening: connection refused
        var admin = host.Client();
        var working = Api.Id("hook");
        var failing = Api.Id("hook");
        await (await admin.Put($"/api/v1/webhooks/{working}", new { url = receiver.Url, events = new[] { "milestone.violated" }, secret = WebhookReceiver.Secret })).Json();
        await (await admin.Put($"/api/v1/webhooks/{failing}", new { url = dead, events = new[] { "milestone.violated" }, secret = WebhookReceiver.Secret })).Json();
        var (_, entitlement, _) = await Scenario.Entitled(admin);
        var caseId = Api.Id("case");
        // Opened 61 minutes ago against a 60-minute First Response: violated the moment it is applied.
        await (await admin.Post($"/api/v1/cases/{caseId}/events", Scenario.Opened("o", entitlement, DateTimeOffset.UtcNow.AddMinutes(-61)))).Json();

        await Until(() => receiver.Accepted.ContainsKey($"{caseId}/first-response#1/violation/0m"), "the working receiver got the violation");
        await Until(() => Retries(host).Count >= 2, "the dead receiver's delivery was retried twice");

        var records = host.Log.GetSnapshot();
        Assert.DoesNotContain(records, r => r.Category?.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal) == true);
        Assert.All(Retries(host), r => Assert.Null(r.Exception));
        Assert.DoesNotContain(records, r => r.Category?.StartsWith(typeof(WebhookSender).Namespace!, StringComparison.Ordinal) == true && r.Exception is not null);
        Assert.Contains(Retries(host), r => r.Message.Contains("connection failed", StringComparison.Ordinal));
    }

    private static List<FakeLogRecord> Retries(LoggedHost host) =>
        [.. host.Log.GetSnapshot().Where(r => r.Category == typeof(WebhookGrain).FullName && r.Message.Contains("retrying", StringComparison.Ordinal))];

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task Until(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting: {what}");
            await Task.Delay(20); // deliveries happen in the background
        }
    }
}
