using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Core.Internal;
using Orleans.Storage;
using SlaGrains.Contracts.Webhooks;
using SlaGrains.Grains.Webhooks;
using SlaGrains.Tests.Shared.Webhooks;

namespace SlaGrains.Host.Tests;

/// <summary>An outbox of several pages behind a failing receiver survives a fresh activation and drains in order, once each.</summary>
public sealed class WebhookOutboxPagesTests(WebhookOutboxPagesTests.Fixture fixture) : IClassFixture<WebhookOutboxPagesTests.Fixture>
{
    private const int Deliveries = (2 * WebhookOutboxPages.PageSize) + 6; // three pages, the last one partly filled

    private readonly WebhookHost _host = fixture.Host;

    [Fact]
    public async Task Deliveries_over_several_pages_survive_a_new_activation_and_arrive_once_each_oldest_first()
    {
        await using var receiver = new WebhookReceiver(failFirst: 0) { Failing = true };
        await receiver.StartAsync();
        var admin = _host.Client();
        var webhook = Api.Id("hook");
        await (await admin.Put($"/api/v1/webhooks/{webhook}", new { url = receiver.Url, events = new[] { "milestone.violated" }, secret = WebhookReceiver.Secret })).Json();
        var (_, entitlement, _) = await Scenario.Entitled(admin);
        var expected = new List<string>();
        for (var i = 0; i < Deliveries; i++)
        {
            // Opened 61 minutes ago against a 60-minute First Response: violated the moment it is applied.
            var caseId = Api.Id("case");
            await (await admin.Post($"/api/v1/cases/{caseId}/events", Scenario.Opened("o", entitlement, DateTimeOffset.UtcNow.AddMinutes(-61)))).Json();
            expected.Add($"{caseId}/first-response#1/violation/0m");
        }
        Assert.Equal(Deliveries, await Pending(admin, webhook));
        await Until(() => receiver.Attempts.Select(a => a.DeliveryId).Distinct().Count() == Deliveries, () => $"{receiver.Attempts.Count} attempts so far");

        // A fresh activation reads the outbox from its pages.
        var grain = _host.Services.GetRequiredService<IGrainFactory>().GetGrain<IWebhookGrain>(webhook);
        await grain.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        Assert.Equal(Deliveries, await Pending(admin, webhook));

        receiver.Failing = false;
        await Until(() => receiver.Accepted.Count == Deliveries, () => $"{receiver.Accepted.Count} of {Deliveries} accepted");
        await Until(() => Pending(admin, webhook).GetAwaiter().GetResult() == 0, () => "deliveries still pending");

        Assert.Equal(expected.Order(StringComparer.Ordinal), receiver.Answered.Order(StringComparer.Ordinal)); // each answered 200 once
        Assert.All(receiver.Attempts, a => Assert.True(a.SignatureValid));
        foreach (var round in receiver.Attempts.GroupBy(a => a.Attempt))
        {
            // A send the old activation had in flight may be repeated by the new one: its first send is the one in order.
            var sent = round.Select(a => a.DeliveryId).Distinct().ToList();
            Assert.Equal(expected.Where(sent.Contains), sent);
        }

        // Emptied pages are cleared, not left holding deliveries that were sent.
        var storage = _host.Services.GetRequiredKeyedService<IGrainStorage>(Grains.StorageNames.Sla);
        for (var page = 0; page < 3; page++)
        {
            var record = new GrainState<WebhookPage>(new WebhookPage());
            await storage.ReadStateAsync($"webhook-page-{page}", grain.GetGrainId(), record);
            Assert.False(record.RecordExists && record.State is { Deliveries.Count: > 0 }, $"page {page} still holds deliveries");
        }
    }

    private static async Task<int> Pending(HttpClient admin, string webhook) =>
        (int)(await (await admin.GetAsync($"/api/v1/webhooks/{webhook}")).Json())["pending"]!;

    private static async Task Until(Func<bool> condition, Func<string> failure)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60); // a round of one send per 100 ms pump tick takes about 7 s
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure());
            await Task.Delay(20);
        }
    }

    public sealed class Fixture : IAsyncLifetime
    {
        // One send at a time: the receiver then sees each attempt round in the order the outbox stored its deliveries.
        public WebhookHost Host { get; } = new(new Dictionary<string, string?> { ["Sla:Webhooks:MaxConcurrency"] = "1" });

        public Task InitializeAsync()
        {
            Host.StartServer();
            return Task.CompletedTask;
        }

        public async Task DisposeAsync() => await Host.DisposeAsync();
    }
}
