using NodaTime;
using Orleans.Core.Internal;
using SlaGrains.Domain.Cases;
using SlaGrains.Domain.Reports;
using SlaGrains.Grains.Tests.Cases;

namespace SlaGrains.Grains.Tests.Reports;

/// <summary>Cases write their report facts after every stored change, and owe them until the store takes them.</summary>
[Collection(ClusterTests.Name)]
public sealed class CaseReportsTests(ClusterFixture fixture)
{
    private readonly SlaDriver _sla = new(fixture.Client, fixture.Clock);

    private async Task<IReadOnlyList<MilestoneFact>> Facts(string caseId)
    {
        var all = new List<MilestoneFact>();
        var filter = new FactFilter { From = Instant.MinValue + Duration.FromDays(1), To = Instant.MaxValue - Duration.FromDays(1) };
        await foreach (var fact in fixture.Reports.Inner.Milestones(filter, null, null))
        {
            if (fact.CaseId == caseId)
            {
                all.Add(fact);
            }
        }
        return all;
    }

    [Fact]
    public async Task Facts_follow_the_case_from_open_to_violated_to_met_late_each_at_a_newer_version()
    {
        var entitlement = await _sla.Entitle();
        var caseId = SlaDriver.NewCaseId();
        var opened = await _sla.Open(caseId, entitlement);

        var open = Assert.Single(await Facts(caseId));
        Assert.Equal((MilestoneFactStatus.Open, opened.Version), (open.Status, open.CaseVersion));

        await fixture.Advance(caseId, TimeSpan.FromMinutes(60));
        await fixture.Publisher.WaitFor(caseId, $"{caseId}/first-response#1/violation/0m");
        var violated = (await SlaDriver.Eventually(() => Facts(caseId), f => f.Single().Status == MilestoneFactStatus.Violated)).Single();
        Assert.Equal(MilestoneFactStatus.Violated, violated.Status);
        Assert.True(violated.CaseVersion > open.CaseVersion);

        await fixture.Advance(caseId, TimeSpan.FromMinutes(10));
        var replied = await _sla.Send(caseId, "reply", CaseEventType.AgentReplied);
        var late = Assert.Single(await Facts(caseId));
        Assert.Equal((MilestoneFactStatus.MetLate, 600L, 4200L, replied.Version), (late.Status, late.OverdueSeconds, late.SecondsToComplete!.Value, late.CaseVersion));
    }

    [Fact]
    public async Task Facts_the_store_refused_are_sent_again_when_the_case_wakes_after_a_restart()
    {
        var entitlement = await _sla.Entitle();
        var caseId = SlaDriver.NewCaseId();
        fixture.Reports.Refuse(caseId);
        var opened = await _sla.Open(caseId, entitlement);
        Assert.NotNull(opened.Snapshot); // the event is acknowledged: the case owes its facts
        Assert.Empty(await Facts(caseId));

        fixture.Reports.Accept(caseId);
        await _sla.Case(caseId).Cast<IGrainManagementExtension>().DeactivateOnIdle(); // as a silo kill loses the activation
        await _sla.Case(caseId).GetSnapshot(null);

        var fact = Assert.Single(await Facts(caseId));
        Assert.Equal((MilestoneFactStatus.Open, opened.Version), (fact.Status, fact.CaseVersion));
    }

    [Fact]
    public async Task Facts_the_store_refused_are_sent_again_by_the_outbox_reminder_within_a_minute()
    {
        var entitlement = await _sla.Entitle();
        var caseId = SlaDriver.NewCaseId();
        await _sla.Open(caseId, entitlement);
        fixture.Reports.Refuse(caseId);
        var replied = await _sla.Send(caseId, "reply", CaseEventType.AgentReplied);
        Assert.Equal(MilestoneFactStatus.Open, Assert.Single(await Facts(caseId)).Status);

        fixture.Reports.Accept(caseId);
        await fixture.Advance(caseId, TimeSpan.FromMinutes(1));

        var met = await SlaDriver.Eventually(() => Facts(caseId), f => f.Single().Status == MilestoneFactStatus.Met);
        Assert.Equal((MilestoneFactStatus.Met, replied.Version), (met.Single().Status, met.Single().CaseVersion));
    }
}
