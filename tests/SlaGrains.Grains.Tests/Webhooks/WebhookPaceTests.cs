using NodaTime;
using SlaGrains.Contracts.Webhooks;
using SlaGrains.Domain.Cases;
using SlaGrains.Grains.Tests.Cases;
using SlaGrains.Tests.Shared.Webhooks;

namespace SlaGrains.Grains.Tests.Webhooks;

/// <summary>How fast a webhook's outbox drains when many notices fall due at once (a burst of violations at 9:00).</summary>
[Collection(ClusterTests.Name)]
public sealed class WebhookPaceTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_burst_of_notices_reaches_a_receiver_that_answers_without_waiting_for_the_clock()
    {
        await using var receiver = new WebhookReceiver(failFirst: 0);
        await receiver.StartAsync();
        var webhook = fixture.Client.GetGrain<IWebhookGrain>($"hook-{Guid.NewGuid():N}");
        await webhook.Put(new WebhookDefinition { Url = receiver.Url, Events = [SlaNotice.MilestoneViolated], Secret = WebhookReceiver.Secret });

        // Three times the sends a webhook has in flight at once (MaxConcurrency, 4). The clock stands still, so no
        // timer tick comes: each send that is answered must make room for the next at once.
        var at = Instant.FromDateTimeOffset(fixture.Clock.GetUtcNow());
        var violated = new MilestoneSnapshot
        {
            Id = "first-response#1", Name = "First Response", Instance = 1, Status = MilestoneStatus.Violated, IsViolated = true,
            StartedAt = at - Duration.FromMinutes(1), TargetAt = at, TargetSeconds = 60, ElapsedSeconds = 60, RemainingSeconds = 0,
            OverdueSeconds = 0, PausedSeconds = 0, ActualElapsedSeconds = 60, ClockRunning = true,
        };
        var ids = Enumerable.Range(0, 12).Select(i => $"burst-{Guid.NewGuid():N}-{i}/first-response#1/violation/0m").ToList();
        foreach (var id in ids)
        {
            await webhook.Enqueue(new SlaNotice { DeliveryId = id, Type = SlaNotice.MilestoneViolated, OccurredAt = at, CaseId = id.Split('/')[0], Milestone = violated });
        }

        // A delivery leaves the outbox once its send has reported back, after the receiver took it.
        var drained = await SlaDriver.Eventually(() => webhook.Read(), record => record!.Pending == 0);
        Assert.True(ids.All(receiver.Accepted.ContainsKey), $"the receiver got {ids.Count(receiver.Accepted.ContainsKey)} of {ids.Count} with the clock standing still");
        Assert.Equal(0, drained!.Pending);
    }
}
