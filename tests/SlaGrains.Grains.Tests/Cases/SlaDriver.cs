using NodaTime;
using SlaGrains.Contracts.Cases;
using SlaGrains.Contracts.Entitlements;
using SlaGrains.Contracts.Processes;
using SlaGrains.Domain.Cases;
using SlaGrains.Domain.Entitlements;
using SlaGrains.Domain.Processes;

namespace SlaGrains.Grains.Tests.Cases;

/// <summary>Drives a cluster the way an integration would: a process, an entitlement to it, cases and their events.</summary>
internal sealed class SlaDriver(IGrainFactory grains, TimeProvider clock)
{
    public static MilestoneDefinition FirstResponse(params ActionDefinition[] actions) => new()
    {
        Name = "First Response",
        Minutes = 60,
        CompletedBy = ["agentReplied"],
        Warnings = [new WarningDefinition { AtPercent = 75 }],
        Actions = actions,
    };

    /// <summary>Reads until <paramref name="done"/> holds or 20 s pass, for what one-way calls update asynchronously.</summary>
    public static async Task<T> Eventually<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }
            await Task.Delay(10); // one-way index updates land asynchronously
        }
    }

    public static string NewCaseId() => $"case-{Guid.NewGuid():N}";

    public Instant Now => Instant.FromDateTimeOffset(clock.GetUtcNow());

    public ICaseGrain Case(string caseId) => grains.GetGrain<ICaseGrain>(caseId);

    /// <summary>A process with the milestones (First Response by default) and an entitlement to it; returns the entitlement id.</summary>
    public async Task<string> Entitle(int? casesAllowed = null, params MilestoneDefinition[] milestones)
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        var process = await grains.GetGrain<IProcessGrain>($"p-{id}").Put(new ProcessDefinition
        {
            Name = "Platinum",
            PausedStatuses = ["Waiting on Customer"],
            Milestones = milestones.Length > 0 ? milestones : [FirstResponse()],
        });
        Assert.True(process.Succeeded);
        var entitlement = await grains.GetGrain<IEntitlementGrain>($"e-{id}").Put(new EntitlementDefinition
        {
            Name = "Gold",
            AccountId = $"acct-{id}",
            ProcessId = $"p-{id}",
            StartDate = new LocalDate(2025, 1, 1),
            CasesAllowed = casesAllowed,
        });
        Assert.True(entitlement.Succeeded);
        return $"e-{id}";
    }

    public Task<CaseWriteResult> Open(string caseId, string? entitlementId, string eventId = "open") =>
        Case(caseId).Apply(new CaseEvent
        {
            EventId = eventId,
            Type = CaseEventType.Opened,
            OccurredAt = Now,
            Case = new CaseFields { EntitlementId = entitlementId, Priority = "High", Status = "New", Queue = "Tier 1", Subject = "Cannot log in" },
        });

    public Task<CaseWriteResult> Send(string caseId, string eventId, CaseEventType type, Instant? at = null, CaseChanges? changes = null) =>
        Case(caseId).Apply(new CaseEvent { EventId = eventId, Type = type, OccurredAt = at ?? Now, Changes = changes });
}
