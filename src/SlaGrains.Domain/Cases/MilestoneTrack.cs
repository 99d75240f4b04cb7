using NodaTime;
using SlaGrains.Domain.Calendars;
using SlaGrains.Domain.Processes;

namespace SlaGrains.Domain.Cases;

/// <summary>One milestone definition of the pinned process and its instances on this case.</summary>
internal sealed class MilestoneTrack
{
    public MilestoneTrack(int order, MilestoneDefinition definition, string? calendarId, BusinessCalendar calendar)
        : this(order, definition, MilestoneKey.From(definition.Name), calendarId, calendar)
    {
    }

    // Copies share the key: a fold is copied on every evaluation, and deriving the key again was a string each time.
    private MilestoneTrack(int order, MilestoneDefinition definition, string key, string? calendarId, BusinessCalendar calendar)
    {
        Order = order;
        Definition = definition;
        Key = key;
        CalendarId = calendarId;
        Calendar = calendar;
    }

    public int Order { get; }
    public MilestoneDefinition Definition { get; }
    public string Key { get; }
    public string? CalendarId { get; }
    public BusinessCalendar Calendar { get; }
    public List<MilestoneInstance> Instances { get; } = [];
    public bool WasMatching { get; set; }

    /// <summary>A copy with copies of its instances, to evaluate as of an instant without touching this one.</summary>
    public MilestoneTrack Copy()
    {
        var copy = new MilestoneTrack(Order, Definition, Key, CalendarId, Calendar) { WasMatching = WasMatching };
        copy.Instances.AddRange(Instances.Select(i => i.CopyFor(copy)));
        return copy;
    }

    public MilestoneInstance? Open => Instances.Count > 0 && Instances[^1].IsOpen ? Instances[^1] : null;

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
        return Definition.CompletedBy?.Contains(ProcessValidator.EventTypeName(e.Type), StringComparer.Ordinal) == true;
    }

    public bool IsStartedBy(CaseEvent e) =>
        Definition.StartedBy?.Contains(ProcessValidator.EventTypeName(e.Type), StringComparer.Ordinal) == true;

    public bool IsPausedBy(string? status, IReadOnlyList<string>? processPausedStatuses) =>
        status is not null &&
        (Definition.PausedStatuses ?? processPausedStatuses)?.Contains(status, StringComparer.OrdinalIgnoreCase) == true;
}
