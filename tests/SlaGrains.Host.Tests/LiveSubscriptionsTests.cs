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
}
