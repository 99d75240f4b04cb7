namespace SlaGrains.Host.Tests;

/// <summary>What most API tests need first: a calendar-free process with First Response, and an entitlement to it.</summary>
internal static class Scenario
{
    public static object FirstResponseProcess(int minutes = 60) => new
    {
        name = "Platinum Support",
        pausedStatuses = new[] { "Waiting on Customer" },
        milestones = new[]
        {
            new
            {
                name = "First Response",
                minutes,
                completedBy = new[] { "agentReplied" },
                actions = new object[]
                {
                    new { when = "violation", type = "webhook" },
                    new { when = "success", type = "webhook" },
                },
            },
        },
    };

    /// <summary>Creates the process and an entitlement for a new account; returns (processId, entitlementId, accountId).</summary>
    public static async Task<(string Process, string Entitlement, string Account)> Entitled(HttpClient admin, int minutes = 60)
    {
        var process = Api.Id("p");
        var entitlement = Api.Id("e");
        var account = Api.Id("acct");
        (await admin.Put($"/api/v1/processes/{process}", FirstResponseProcess(minutes))).EnsureSuccessStatusCode();
        (await admin.Put($"/api/v1/entitlements/{entitlement}", new { name = "Gold", accountId = account, processId = process, startDate = "2025-01-01" }))
            .EnsureSuccessStatusCode();
        return (process, entitlement, account);
    }

    public static object Opened(string eventId, string? entitlementId, DateTimeOffset occurredAt, string? accountId = null, string queue = "Tier 1") => new
    {
        eventId,
        type = "opened",
        occurredAt = occurredAt.ToString("O"),
        @case = new { accountId, entitlementId, priority = "High", status = "New", queue, subject = "Cannot log in" },
    };
}
