using NodaTime;
using SlaGrains.Contracts.Calendars;
using SlaGrains.Contracts.Cases;
using SlaGrains.Contracts.Entitlements;
using SlaGrains.Contracts.Processes;
using SlaGrains.Domain.Calendars;
using SlaGrains.Domain.Cases;
using SlaGrains.Domain.Entitlements;
using SlaGrains.Domain.Processes;
using SlaGrains.Host.Hosting;

namespace SlaGrains.Host.Demo;

/// <summary>
/// Seeds the Development demo once the silo runs: the calendars, processes and entitlements of the Salesforce
/// walkthrough (Platinum 24x7, Gold and Silver on US East business hours; First Response and Resolution, times by
/// priority) and open cases backdated so their deadlines fall due in the next minutes. Every write is an idempotent
/// PUT or an event with a fixed id, so seeding again changes nothing.
/// </summary>
public sealed partial class DemoSeeder(GrainReferences grains, TimeProvider clock, IHostApplicationLifetime lifetime, ILogger<DemoSeeder> logger) : BackgroundService
{
    public const string Queue = "Tier 1";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await WaitForStart(stoppingToken);
        try
        {
            await SeedDefinitions();
            var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
            foreach (var (caseId, events) in Cases(now))
            {
                foreach (var e in events)
                {
                    await grains.Get<ICaseGrain>(caseId).Apply(e);
                }
            }
            LogSeeded(Queue);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSeedFailed(ex);
        }
    }

    private async Task WaitForStart(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using var registration = lifetime.ApplicationStarted.Register(started.SetResult);
        await started.Task.WaitAsync(stoppingToken);
    }

    private async Task SeedDefinitions()
    {
        var weekdays = new List<LocalTimeRange> { new("09:00", "17:00") };
        await grains.Get<ICalendarGrain>("us-east").Put(new CalendarDefinition
        {
            Name = "US East support hours",
            TimeZone = "America/New_York",
            Weekly = new WeeklySchedule { Monday = weekdays, Tuesday = weekdays, Wednesday = weekdays, Thursday = weekdays, Friday = weekdays },
            Holidays = [new Holiday { Date = "2025-12-25", Name = "Christmas Day", Recurring = true }],
        }, allowPast: false);
        await grains.Get<ICalendarGrain>("24x7").Put(new CalendarDefinition { Name = "Around the clock", TimeZone = "Etc/UTC", AlwaysOpen = true }, allowPast: false);

        await grains.Get<IProcessGrain>("platinum").Put(Process("Platinum Support", "24x7", firstResponse: 60, byPriority: new() { ["High"] = 30, ["Urgent"] = 15 }, resolution: 480));
        await grains.Get<IProcessGrain>("gold").Put(Process("Gold Support", "us-east", firstResponse: 240, byPriority: new() { ["High"] = 120 }, resolution: 1440));
        await grains.Get<IProcessGrain>("silver").Put(Process("Silver Support", "us-east", firstResponse: 480, byPriority: [], resolution: 2880));

        var start = new LocalDate(2025, 1, 1);
        await grains.Get<IEntitlementGrain>("acme-platinum").Put(new EntitlementDefinition { Name = "Acme Platinum", AccountId = "acme", ProcessId = "platinum", StartDate = start });
        await grains.Get<IEntitlementGrain>("globex-gold").Put(new EntitlementDefinition { Name = "Globex Gold", AccountId = "globex", ProcessId = "gold", StartDate = start });
        await grains.Get<IEntitlementGrain>("initech-silver").Put(new EntitlementDefinition { Name = "Initech Silver", AccountId = "initech", ProcessId = "silver", StartDate = start, CasesAllowed = 25 });
    }

    private static ProcessDefinition Process(string name, string calendarId, int firstResponse, Dictionary<string, int> byPriority, int resolution) => new()
    {
        Name = name,
        Description = $"{name}: the demo seeded in Development.",
        CalendarId = calendarId,
        PausedStatuses = ["Waiting on Customer"],
        Milestones =
        [
            new MilestoneDefinition
            {
                Name = "First Response",
                Minutes = firstResponse,
                MinutesByPriority = byPriority,
                CompletedBy = ["agentReplied"],
                Warnings = [new WarningDefinition { BeforeTargetMinutes = 5 }],
                Actions =
                [
                    new ActionDefinition { When = ActionTrigger.Warning, Type = ActionType.Webhook },
                    new ActionDefinition { When = ActionTrigger.Violation, Type = ActionType.Webhook },
                    new ActionDefinition { When = ActionTrigger.Violation, OffsetMinutes = 10, Type = ActionType.Escalate, SetPriority = "Urgent", SetQueue = "Tier 2" },
                    new ActionDefinition { When = ActionTrigger.Success, Type = ActionType.Webhook },
                    // Salesforce's usual success action: the first response moves the case on to the next status.
                    new ActionDefinition { When = ActionTrigger.Success, Type = ActionType.FieldUpdate, Set = new Dictionary<string, string?> { ["status"] = "Responded" } },
                    new ActionDefinition { When = ActionTrigger.Violation, Type = ActionType.Task, Subject = "Call the customer back about {{case.subject}}", DueInMinutes = 30 },
                ],
            },
            new MilestoneDefinition
            {
                Name = "Resolution",
                Minutes = resolution,
                Warnings = [new WarningDefinition { AtPercent = 75 }],
                Actions = [new ActionDefinition { When = ActionTrigger.Violation, Type = ActionType.Webhook }],
            },
        ],
    };

    /// <summary>Cases opened in the past so that, as the demo starts, one is violated and others warn and violate within minutes.</summary>
    private static IEnumerable<(string CaseId, CaseEvent[] Events)> Cases(Instant now)
    {
        CaseEvent Opened(string account, string priority, string subject, Duration ago) => new()
        {
            EventId = "demo-open",
            Type = CaseEventType.Opened,
            OccurredAt = now - ago,
            Case = new CaseFields { AccountId = account, ContactId = "c-17", Priority = priority, Status = "New", Origin = "Phone", Type = "Problem", Queue = Queue, Subject = subject },
        };
        CaseEvent Later(string id, CaseEventType type, Duration ago, CaseChanges? changes = null) =>
            new() { EventId = id, Type = type, OccurredAt = now - ago, Changes = changes };

        yield return ("demo-1", [Opened("acme", "High", "Cannot log in to the portal", Duration.FromMinutes(27))]);
        yield return ("demo-2", [Opened("acme", "Medium", "Invoice shows the wrong VAT", Duration.FromMinutes(58))]);
        yield return ("demo-3", [Opened("acme", "Urgent", "Checkout is down for all users", Duration.FromMinutes(20))]);
        yield return ("demo-4", [Opened("acme", "High", "Password reset email never arrives", Duration.FromMinutes(10))]);
        yield return ("demo-5",
        [
            Opened("acme", "Medium", "Export to CSV times out", Duration.FromMinutes(30)),
            Later("demo-wait", CaseEventType.Updated, Duration.FromMinutes(20), new CaseChanges { Status = "Waiting on Customer" }),
        ]);
        yield return ("demo-6",
        [
            Opened("acme", "Medium", "API returns 502 intermittently", Duration.FromMinutes(40)),
            Later("demo-reply", CaseEventType.AgentReplied, Duration.FromMinutes(35)),
        ]);
        yield return ("demo-7", [Opened("globex", "High", "SSO certificate expiring", Duration.FromMinutes(60))]);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo seeded: calendars, Platinum/Gold/Silver processes, entitlements and open cases in queue '{Queue}'")]
    private partial void LogSeeded(string queue);

    [LoggerMessage(Level = LogLevel.Error, Message = "Seeding the demo failed")]
    private partial void LogSeedFailed(Exception ex);
}
