using SlaGrains.Host.Live;

namespace SlaGrains.Host.Tests;

public sealed class LiveSubscriptionsTests
{
    [Fact]
    public void A_group_has_members_until_its_last_connection_leaves_or_disconnects()
    {
        var subscriptions = new LiveSubscriptions();
        subscriptions.Join("a", "case:1");
        subscriptions.Join("a", "case:1"); // a repeated subscription is one membership
        subscriptions.Join("b", "case:1");
        subscriptions.Join("b", "queue:tier-1");

        subscriptions.Leave("a", "case:1");
        Assert.True(subscriptions.HasMembers("case:1"));
        subscriptions.Disconnected("b");
        Assert.False(subscriptions.HasMembers("case:1"));
        Assert.False(subscriptions.HasMembers("queue:tier-1"));

        subscriptions.Leave("b", "case:1"); // after the disconnect: nothing left to forget
        subscriptions.Join("c", "case:1");
        Assert.True(subscriptions.HasMembers("case:1"));
    }

    [Fact]
    public void A_connection_at_its_limit_joins_no_new_group_but_keeps_the_ones_it_has()
    {
        var subscriptions = new LiveSubscriptions();
        Assert.True(subscriptions.Join("a", "case:1", limit: 2));
        Assert.True(subscriptions.Join("a", "case:2", limit: 2));

        Assert.False(subscriptions.Join("a", "case:3", limit: 2));
        Assert.False(subscriptions.HasMembers("case:3"));
        Assert.True(subscriptions.Join("a", "case:1", limit: 2));
        Assert.True(subscriptions.Join("b", "case:3", limit: 2));
        subscriptions.Leave("a", "case:2");
        Assert.True(subscriptions.Join("a", "case:4", limit: 2));
    }
}
