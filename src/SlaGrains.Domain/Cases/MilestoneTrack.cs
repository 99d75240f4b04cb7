using NodaTime;
using SlaGrains.Domain.Calendars;
using SlaGrains.Domain.Processes;

namespace SlaGrains.Domain.Cases;

/// <summary>
/// One milestone definition of the pinned process as it applies to this case: its key, calendar and rules. Never
/// changes, so every copy of a fold and every instance shares it; the instances live in <see cref="MilestoneHistory"/>.
/// </summary>
internal sealed class MilestoneTrack(int order, MilestoneDefinition definition, string? calendarId, BusinessCalendar calendar)
{
    public int Order { get; } = order;
    public MilestoneDefinition Definition { get; } = definition;
    public string Key { get; } = MilestoneKey.From(definition.Name);
    public string? CalendarId { get; } = calendarId;
    public BusinessCalendar Calendar { get; } = calendar;
    /// <summary>The definition's actions by what triggers them; built once, since every evaluation reads them.</summary>
    public MilestoneActions Actions { get; } = MilestoneActions.Of(definition.Actions ?? []);
    private readonly uint _completedBy = TypesNamed(definition.CompletedBy);
    private readonly uint _startedBy = TypesNamed(definition.StartedBy);

    public bool Matches(Cases.CaseFields fields)
    {
        if (Definition.Criteria is not { } criteria)
        {
            return true;
        }
        foreach (var (field, allowed) in criteria)
        {
            var value = fields.Get(field);
            if (value is null || !allowed.Contains(value, StringComparer.OrdinalIgnoreCase))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The milestone time for the case's priority (<c>minutesByPriority</c>, else <c>minutes</c>).</summary>
    public Duration TimeFor(string? priority)
    {
        if (priority is not null && Definition.MinutesByPriority is { } byPriority)
        {
            foreach (var (name, minutes) in byPriority)
            {
                if (string.Equals(name, priority, StringComparison.OrdinalIgnoreCase))
                {
                    return Duration.FromMinutes(minutes);
                }
            }
        }
        return Duration.FromMinutes(Definition.Minutes);
    }

    public bool IsCompletedBy(CaseEvent e)
    {
        if (e.Type == CaseEventType.MilestoneCompleted)
        {
            return e.Milestone is not null && MilestoneKey.From(e.Milestone) == Key;
        }
        if (e.Type == CaseEventType.AgentReplied && e.Public == false)
        {
            return false;
        }
        return (_completedBy & Bit(e.Type)) != 0;
    }

    public bool IsStartedBy(CaseEvent e) => (_startedBy & Bit(e.Type)) != 0;

    public bool IsPausedBy(string? status, IReadOnlyList<string>? processPausedStatuses) =>
        status is not null &&
        (Definition.PausedStatuses ?? processPausedStatuses)?.Contains(status, StringComparer.OrdinalIgnoreCase) == true;

    // A validated process names only known types; any other name matches no event. A bit per type: every case's
    // every track holds two of these, so a set object each would cost memory per case.
    private static uint TypesNamed(IReadOnlyList<string>? names)
    {
        var types = 0u;
        foreach (var name in names ?? [])
        {
            if (CaseEventTypes.TryParse(name, out var type))
            {
                types |= Bit(type);
            }
        }
        return types;
    }

    private static uint Bit(CaseEventType type) => 1u << (int)type;
}
