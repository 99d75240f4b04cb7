using Microsoft.Extensions.Options;
using NodaTime;
using Orleans.Core;
using SlaGrains.Contracts.Webhooks;
using SlaGrains.Grains.Webhooks;

namespace SlaGrains.Grains.Tests.Webhooks;

/// <summary>A webhook's subscription rules on their own, without a cluster: what a PUT and a rotation may change.</summary>
public sealed class WebhookSubscriptionTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 2, 6, 0);
    private readonly Head _head = new();
    private readonly WebhookSubscription _subscription;

    public WebhookSubscriptionTests() => _subscription = new WebhookSubscription(_head, new OutboundUrlPolicy(Options.Create(new WebhookOptions())));

    private static WebhookDefinition Definition(string secret = "a-secret-of-16-chars") => new()
    {
        Url = "https://hooks.example.com/sla", Events = ["milestone.violated", "milestone.violated"], Secret = secret,
    };

    [Fact]
    public void A_definition_is_checked_field_by_field_before_anything_changes()
    {
        var errors = _subscription.Check(new WebhookDefinition
        {
            Url = "http://127.0.0.1/hook", Events = ["case.closed"], Secret = "short",
            Filters = new WebhookFilters { Queues = ["ok", "bad/queue"] },
        }).ToDictionary();

        Assert.Equal(["events", "filters.queues[1]", "secret", "url"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Null(_head.State.Definition);
    }

    [Fact]
    public void Applying_keeps_each_event_once_and_a_repeated_put_is_the_same()
    {
        _subscription.Apply(Definition(), Now);

        Assert.Equal(["milestone.violated"], _head.State.Definition!.Events);
        Assert.True(_subscription.Same(Definition() with { Events = ["milestone.violated"] }));
        Assert.False(_subscription.Same(Definition("another-secret-of-16")));
    }

    [Fact]
    public void A_rotation_keeps_the_old_secret_signing_for_its_overlap_and_a_put_with_a_new_secret_ends_it()
    {
        _subscription.Apply(Definition(), Now);

        Assert.False(_subscription.Rotate("a-secret-of-16-chars", 60, Now).IsValid); // the secret in use
        Assert.True(_subscription.Rotate("the-next-secret-0123", 60, Now).IsValid);
        Assert.Equal("a-secret-of-16-chars", _subscription.PreviousSecret(Now + Duration.FromSeconds(59)));
        Assert.Null(_subscription.PreviousSecret(Now + Duration.FromSeconds(60)));

        _subscription.Apply(Definition("yet-another-secret-0"), Now);
        Assert.Null(_subscription.PreviousSecret(Now));
    }

    private sealed class Head : IStorage<WebhookState>
    {
        public WebhookState State { get; set; } = new();
        public string? Etag => null;
        public bool RecordExists => false;
        public Task ClearStateAsync() => Task.CompletedTask;
        public Task WriteStateAsync() => Task.CompletedTask;
        public Task ReadStateAsync() => Task.CompletedTask;
    }
}
