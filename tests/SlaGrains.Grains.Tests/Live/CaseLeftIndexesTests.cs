using NodaTime;
using SlaGrains.Contracts.Live;
using SlaGrains.Domain.Cases;
using SlaGrains.Grains.Tests.Cases;

namespace SlaGrains.Grains.Tests.Live;

/// <summary>
/// A case that changes owner or queue says which live views it left, so that those views can drop it: the old
/// owner's "My cases" and the old queue's board (docs/api.md, live hub).
/// </summary>
[Collection(ClusterTests.Name)]
public sealed class CaseLeftIndexesTests(ClusterFixture fixture)
{
    private readonly SlaDriver _sla = new(fixture.Client, fixture.Clock);

    [Fact]
    public async Task A_new_owner_and_queue_are_published_with_the_owner_and_queue_the_case_left()
    {
        var entitlement = await _sla.Entitle();
        var caseId = SlaDriver.NewCaseId();
        await _sla.Open(caseId, entitlement);
        await _sla.Send(caseId, "to-ana", CaseEventType.Updated, changes: new CaseChanges { Owner = "ana", Queue = "Tier 1" });

        await _sla.Send(caseId, "to-ben", CaseEventType.Updated, changes: new CaseChanges { Owner = "ben", Queue = "Tier 2" });

        var changes = fixture.Publisher.ChangesOf(caseId);
        Assert.Empty(changes[^2].Left); // the first owner and queue: nothing was left
        Assert.Equal("ben", changes[^1].Owner);
        Assert.Equal(["Tier 1", CaseIndexes.Owner("ana")], changes[^1].Left.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Closing_leaves_every_list_the_case_was_in()
    {
        var entitlement = await _sla.Entitle();
        var caseId = SlaDriver.NewCaseId();
        await _sla.Open(caseId, entitlement);
        await _sla.Send(caseId, "to-ana", CaseEventType.Updated, changes: new CaseChanges { Owner = "ana" });

        await _sla.Send(caseId, "close", CaseEventType.Closed);

        Assert.Contains(CaseIndexes.Owner("ana"), fixture.Publisher.ChangesOf(caseId)[^1].Left);
        Assert.Contains(CaseIndexes.All, fixture.Publisher.ChangesOf(caseId)[^1].Left);
    }

    [Fact]
    public void Changes_merged_in_one_batch_keep_the_newest_state_and_every_index_left()
    {
        var first = new CaseChange(Snapshot("ben"), 2) { Left = [CaseIndexes.Owner("ana")] };
        var second = new CaseChange(Snapshot("cleo"), 3) { Left = [CaseIndexes.Owner("ben")] };

        var merged = first.Then(second);
        var outOfOrder = second.Then(first);

        Assert.Equal(3, merged.Version);
        Assert.Equal("cleo", merged.Snapshot.Owner);
        Assert.Equal([CaseIndexes.Owner("ana"), CaseIndexes.Owner("ben")], merged.Left.Order(StringComparer.Ordinal));
        Assert.Equal(3, outOfOrder.Version);
        Assert.Equal(merged.Left.Order(StringComparer.Ordinal), outOfOrder.Left.Order(StringComparer.Ordinal));
    }

    private static CaseSnapshot Snapshot(string owner) => new()
    {
        CaseId = "case-merge",
        AsOf = Instant.FromDateTimeOffset(ClusterFixture.Start),
        Owner = owner,
        Closed = false,
        IsStopped = false,
        MilestoneStatus = CaseMilestoneStatus.Compliant,
        Milestones = [],
    };
}
