using NodaTime;
using SlaGrains.Contracts.Webhooks;

namespace SlaGrains.Grains.Tests.Webhooks;

[Collection(ClusterTests.Name)]
public sealed class WebhookRotationTests(ClusterFixture fixture)
{
    [Fact]
    public async Task The_replaced_secret_signs_beside_the_new_one_until_the_overlap_ends_by_the_clock()
    {
        var webhook = fixture.Client.GetGrain<IWebhookGrain>($"hook-{Guid.NewGuid():N}");
        await webhook.Put(new WebhookDefinition { Url = "https://example.org/hook", Events = ["milestone.violated"], Secret = "the-first-secret-0123456789" });

        var rotated = await webhook.RotateSecret("the-second-secret-0123456789", 60);
        var ends = Instant.FromDateTimeOffset(fixture.Clock.GetUtcNow()) + Duration.FromSeconds(60);
        fixture.Clock.Advance(TimeSpan.FromSeconds(59));
        var during = await webhook.Read();
        fixture.Clock.Advance(TimeSpan.FromSeconds(2));
        var after = await webhook.Read();

        Assert.Equal(ends, rotated.Value!.PreviousSecretUntil);
        Assert.Equal(ends, during!.PreviousSecretUntil);
        Assert.Null(after!.PreviousSecretUntil);
    }
}
