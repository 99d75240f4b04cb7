using System.Collections.Immutable;
using NodaTime;
using NodaTime.Text;
using SlaGrains.Domain.Calendars;
using SlaGrains.Domain.Cases;
using SlaGrains.Domain.Processes;

namespace SlaGrains.Domain.Tests.Cases;

/// <summary>A case under test: a process, calendars and the events that happened, evaluated as of an instant.</summary>
internal sealed class Scenario
{
    public const string CaseId = "case-1";
    public const string EntitlementId = "gold-acme";

    private readonly List<CaseEvent> _events = [];
    private int _next;

    public Scenario(ProcessDefinition process, params (string Id, CalendarDefinition Definition)[] calendars)
    {
        Process = process;
        Calendars = calendars.ToDictionary(c => c.Id, c => BusinessCalendar.FromDefinition(c.Definition));
    }

    public ProcessDefinition Process { get; }
    public Dictionary<string, BusinessCalendar> Calendars { get; }
    public EntitlementDecision? Decision { get; set; } = new(EntitlementId, true, "Given on the case.", "platinum");
    public IReadOnlyList<CaseEvent> Events => _events;

    public static Instant At(string iso) => OffsetDateTimePattern.ExtendedIso.Parse(iso).GetValueOrThrow().ToInstant();

    /// <summary>Mon–Fri 09:00–17:00 in New York.</summary>
    public static CalendarDefinition UsEastHours() => new()
    {
        Name = "US East",
        TimeZone = "America/New_York",
        Weekly = new WeeklySchedule
        {
            Monday = [new("09:00", "17:00")], Tuesday = [new("09:00", "17:00")], Wednesday = [new("09:00", "17:00")],
            Thursday = [new("09:00", "17:00")], Friday = [new("09:00", "17:00")],
        },
    };

    public static ProcessDefinition ProcessWith(params MilestoneDefinition[] milestones) =>
        new() { Name = "Platinum", PausedStatuses = ["Waiting on Customer"], Milestones = milestones };

    public static MilestoneDefinition FirstResponse(int minutes = 60) => new()
    {
        Name = "First Response",
        Minutes = minutes,
        CompletedBy = ["agentReplied"],
    };

    public Scenario Add(CaseEventType type, string at, Func<CaseEvent, CaseEvent>? with = null, string? eventId = null)
    {
        var e = new CaseEvent { EventId = eventId ?? $"e{++_next}", Type = type, OccurredAt = At(at) };
        _events.Add(with is null ? e : with(e));
        return this;
    }

    public Scenario Opened(string at, string priority = "High", string status = "New", string? entitlementId = EntitlementId,
        ImmutableDictionary<string, string>? customFields = null) =>
        Add(CaseEventType.Opened, at, e => e with
        {
            Case = new CaseFields
            {
                AccountId = "acme", ContactId = "c-17", EntitlementId = entitlementId, Priority = priority, Status = status,
                Origin = "Phone", Type = "Problem", Queue = "Tier 1", Subject = "Cannot log in", CustomFields = customFields,
            },
        });

    public Scenario Updated(string at, CaseChanges changes, string? eventId = null) =>
        Add(CaseEventType.Updated, at, e => e with { Changes = changes }, eventId);

    public Scenario AgentReplied(string at, bool isPublic = true, string? eventId = null) =>
        Add(CaseEventType.AgentReplied, at, e => e with { Public = isPublic }, eventId);

    public CaseEvaluation Evaluate(string asOf) => Evaluate(At(asOf));

    public CaseEvaluation Evaluate(Instant asOf) => CaseTimeline.Evaluate(Input(), asOf);

    /// <summary>The case's engine over the events so far.</summary>
    public CaseEngine Engine(string? matchReason = null) => new(Input() with { MatchReason = matchReason });

    private CaseTimelineInput Input() => new()
    {
        CaseId = CaseId,
        Events = [.. _events],
        Entitlement = Decision,
        Process = new ProcessVersion("platinum", 3, At("2025-01-01T00:00:00Z"), Process),
        Calendars = Calendars,
    };

    public MilestoneSnapshot Milestone(string asOf, string id) =>
        Evaluate(asOf).Snapshot.Milestones.Single(m => m.Id == id);
}
