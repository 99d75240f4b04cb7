using NodaTime;
using SlaGrains.Contracts;
using SlaGrains.Contracts.Cases;
using SlaGrains.Contracts.Entitlements;
using SlaGrains.Contracts.Processes;
using SlaGrains.Domain.Cases;
using SlaGrains.Domain.Entitlements;
using SlaGrains.Domain.Processes;

namespace SlaGrains.Grains.Tests.Entitlements;

/// <summary>Entitlements and accounts on a real cluster: matching cases opened without one, and the per-incident cap.</summary>
[Collection(ClusterTests.Name)]
public sealed class EntitlementGrainTests(ClusterFixture fixture)
{
    private readonly string _id = Guid.NewGuid().ToString("N")[..8];

    private string Account => $"acct-{_id}";

    private async Task<string> Process()
    {
        var result = await fixture.Client.GetGrain<IProcessGrain>($"p-{_id}").Put(new ProcessDefinition
        {
            Name = "Gold",
            Milestones = [new MilestoneDefinition { Name = "First Response", Minutes = 60, CompletedBy = ["agentReplied"] }],
        });
        return result.Value!.ProcessId;
    }

    private async Task<WriteResult<EntitlementRecord>> Put(string id, int? casesAllowed = null, IReadOnlyList<string>? contacts = null, LocalDate? end = null) =>
        await fixture.Client.GetGrain<IEntitlementGrain>(id).Put(new EntitlementDefinition
        {
            Name = id,
            AccountId = Account,
            ContactIds = contacts,
            ProcessId = $"p-{_id}",
            StartDate = new LocalDate(2025, 1, 1),
            EndDate = end,
            CasesAllowed = casesAllowed,
        });

    private Task<CaseWriteResult> Open(string caseId, string contactId, string eventId = "open") =>
        fixture.Client.GetGrain<ICaseGrain>(caseId).Apply(new CaseEvent
        {
            EventId = eventId,
            Type = CaseEventType.Opened,
            OccurredAt = Instant.FromDateTimeOffset(fixture.Clock.GetUtcNow()),
            Case = new CaseFields { AccountId = Account, ContactId = contactId, Priority = "High", Status = "New" },
        });

    [Fact]
    public async Task A_case_opened_without_an_entitlement_gets_the_most_specific_match_and_the_snapshot_says_why()
    {
        await Process();
        await Put($"wide-{_id}");
        await Put($"c17-{_id}", contacts: ["c-17"]);

        var forC17 = (await Open($"case-a-{_id}", "c-17")).Snapshot!;
        var forOther = (await Open($"case-b-{_id}", "c-99")).Snapshot!;

        Assert.Equal($"c17-{_id}", forC17.EntitlementId);
        Assert.Contains("contact-specific", forC17.EntitlementReason, StringComparison.Ordinal);
        Assert.Equal($"p-{_id}", forC17.ProcessId);
        Assert.Single(forC17.Milestones);
        Assert.Equal($"wide-{_id}", forOther.EntitlementId);
        Assert.Contains("account-wide", forOther.EntitlementReason, StringComparison.Ordinal);
        Assert.Equal(
            [$"c17-{_id}", $"wide-{_id}"],
            (await fixture.Client.GetGrain<IAccountGrain>(Account).ListEntitlements()).Select(e => e.EntitlementId));
    }

    [Fact]
    public async Task The_per_incident_cap_counts_each_case_once_and_refuses_the_next_case_with_a_reason()
    {
        await Process();
        var id = $"one-{_id}";
        await Put(id, casesAllowed: 1);

        var first = await Open($"case-1-{_id}", "c-1");
        await fixture.Client.GetGrain<ICaseGrain>($"case-1-{_id}").Apply(new CaseEvent
        {
            EventId = "close", Type = CaseEventType.Closed, OccurredAt = Instant.FromDateTimeOffset(fixture.Clock.GetUtcNow()),
        });
        var second = await Open($"case-2-{_id}", "c-2");
        var again = await fixture.Client.GetGrain<IEntitlementGrain>(id).Admit($"case-1-{_id}", new LocalDate(2025, 3, 3));

        Assert.Equal($"p-{_id}", first.Snapshot!.ProcessId);
        Assert.Null(second.Snapshot!.ProcessId);
        Assert.Empty(second.Snapshot.Milestones);
        Assert.Contains("no remaining cases", second.Snapshot.EntitlementReason, StringComparison.Ordinal);
        Assert.True(again.Decision.Admitted); // the same case asking again is not a new incident
        var record = (await fixture.Client.GetGrain<IEntitlementGrain>(id).Read())!;
        Assert.Equal(0, record.RemainingCases);
        Assert.Equal(EntitlementStatus.Active, record.Status);
    }

    [Fact]
    public async Task An_entitlement_for_an_unknown_process_is_refused_and_an_expired_one_admits_nothing()
    {
        var refused = await Put($"bad-{_id}");
        await Process();
        await Put($"old-{_id}", end: new LocalDate(2025, 2, 28));

        var opened = (await Open($"case-x-{_id}", "c-1")).Snapshot!;

        Assert.False(refused.Succeeded);
        Assert.Contains("processId", refused.Errors!.Keys);
        Assert.Null(opened.EntitlementId);
        Assert.Contains("active", opened.EntitlementReason, StringComparison.Ordinal);
        Assert.Equal(EntitlementStatus.Expired, (await fixture.Client.GetGrain<IEntitlementGrain>($"old-{_id}").Read())!.Status);
    }
}
