using SlaGrains.Domain.Cases;
using SlaGrains.Domain.Validation;

namespace SlaGrains.Domain.Processes;

/// <summary>Checks a <see cref="ProcessDefinition"/> and names the JSON field of every problem.</summary>
public static class ProcessValidator
{
    /// <summary>Ten years of minutes: beyond it a milestone is a typo, and the arithmetic stays far from overflow.</summary>
    public const int MaxMinutes = 10 * 366 * 24 * 60;

    /// <summary>Event types that may complete or start a milestone (opening is entry, closing completes everything).</summary>
    public static readonly IReadOnlySet<string> MilestoneEventTypes = new[]
    {
        CaseEventType.AgentReplied, CaseEventType.CustomerReplied, CaseEventType.Updated, CaseEventType.Stopped,
        CaseEventType.Resumed, CaseEventType.Reopened, CaseEventType.Escalated,
    }.Select(CaseEventTypes.Name).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The calendars a definition names that could exist (valid ids), for the caller to look up before
    /// <see cref="Validate"/>: at most one per milestone allowed plus the process's own, however many it names.
    /// </summary>
    public static IReadOnlyList<string> CalendarIds(ProcessDefinition definition, Limits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return [.. (definition.Milestones ?? []).Take((limits ?? Limits.Default).MaxMilestonesPerProcess).Select(m => m?.CalendarId)
            .Append(definition.CalendarId).Where(IdRules.IsId).OfType<string>().Distinct(StringComparer.Ordinal)];
    }

    public static ValidationErrors Validate(ProcessDefinition definition, Func<string, bool> calendarExists, Limits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(calendarExists);
        limits ??= Limits.Default;
        var errors = new ValidationErrors();
        errors.Text("name", definition.Name, limits.MaxTextLength);
        errors.Text("description", definition.Description, limits.MaxDescriptionLength);
        errors.Text("startsFrom", definition.StartsFrom, limits.MaxTextLength);

        if (string.IsNullOrWhiteSpace(definition.Name))
        {
            errors.Add("name", "The process needs a name.");
        }
        CheckCalendar(definition.CalendarId, "calendarId", calendarExists, errors);
        if (definition.StartsFrom != ProcessDefinition.CaseCreated &&
            !(definition.StartsFrom?.StartsWith(CaseFieldNames.CustomFieldPrefix, StringComparison.Ordinal) == true &&
              definition.StartsFrom.Length > CaseFieldNames.CustomFieldPrefix.Length))
        {
            errors.Add("startsFrom", $"{IdRules.Quote(definition.StartsFrom ?? "")} is not a start: use 'caseCreated' or 'customFields.<name>' naming a date field.");
        }
        if (definition.ExitsWhen != ProcessDefinition.CaseClosed)
        {
            errors.Add("exitsWhen", $"{IdRules.Quote(definition.ExitsWhen ?? "")} is not an exit: the only exit is 'caseClosed'.");
        }
        CheckStatuses(definition.PausedStatuses, "pausedStatuses", errors, limits);

        if (definition.Milestones is null || definition.Milestones.Count == 0)
        {
            errors.Add("milestones", "A process needs at least one milestone.");
            return errors;
        }
        if (!errors.Count("milestones", definition.Milestones.Count, limits.MaxMilestonesPerProcess, "milestones per process"))
        {
            return errors;
        }

        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < definition.Milestones.Count; i++)
        {
            var milestone = definition.Milestones[i];
            var at = $"milestones[{i}]";
            if (milestone is null)
            {
                errors.Add(at, "A milestone must be an object.");
                continue;
            }
            var key = MilestoneKey.From(milestone.Name ?? "");
            if (milestone.Name?.Length > limits.MaxTextLength)
            {
                errors.Text($"{at}.name", milestone.Name, limits.MaxTextLength);
            }
            else if (key.Length == 0)
            {
                errors.Add($"{at}.name", "A milestone needs a name with at least one letter or digit.");
            }
            else if (keys.TryGetValue(key, out var other))
            {
                errors.Add($"{at}.name", $"'{milestone.Name}' clashes with milestones[{other}] ('{definition.Milestones[other].Name}'): names must differ in more than case and punctuation.");
            }
            else
            {
                keys[key] = i;
            }
            ValidateMilestone(milestone, at, calendarExists, errors, limits);
        }
        return errors;
    }

    private static void ValidateMilestone(MilestoneDefinition milestone, string at, Func<string, bool> calendarExists, ValidationErrors errors, Limits limits)
    {
        CheckMinutes(milestone.Minutes, $"{at}.minutes", errors);
        IEnumerable<KeyValuePair<string, int>> byPriority = milestone.MinutesByPriority ?? new Dictionary<string, int>();
        if (!errors.Count($"{at}.minutesByPriority", byPriority.Count(), limits.MaxListLength, "priorities"))
        {
            byPriority = [];
        }
        foreach (var (priority, minutes) in byPriority)
        {
            if (string.IsNullOrWhiteSpace(priority))
            {
                errors.Add($"{at}.minutesByPriority", "Priority names must not be empty.");
            }
            else if (priority.Length > limits.MaxTextLength)
            {
                errors.Add($"{at}.minutesByPriority", $"Priority names have at most {limits.MaxTextLength} characters; {IdRules.Quote(priority)} has {priority.Length}.");
                continue;
            }
            CheckMinutes(minutes, $"{at}.minutesByPriority.{priority}", errors);
        }

        IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> criteria = milestone.Criteria ?? new Dictionary<string, IReadOnlyList<string>>();
        if (!errors.Count($"{at}.criteria", criteria.Count(), limits.MaxCriteriaPerMilestone, "criteria per milestone"))
        {
            criteria = [];
        }
        foreach (var (field, values) in criteria)
        {
            if (field.Length > limits.MaxTextLength)
            {
                errors.Add($"{at}.criteria", $"Criteria name fields of at most {limits.MaxTextLength} characters; {IdRules.Quote(field)} has {field.Length}.");
            }
            else if (!CaseFieldNames.IsKnown(field))
            {
                errors.Add($"{at}.criteria.{field}", $"'{field}' is not a case field: use priority, status, origin, type, queue, owner or customFields.<name>.");
            }
            else if (values is null || values.Count == 0 || values.Any(string.IsNullOrWhiteSpace))
            {
                errors.Add($"{at}.criteria.{field}", "List one or more allowed values, none of them empty.");
            }
            else if (errors.Count($"{at}.criteria.{field}", values.Count, limits.MaxListLength, "values") &&
                     values.FirstOrDefault(v => v.Length > limits.MaxTextLength) is { } tooLong)
            {
                errors.Add($"{at}.criteria.{field}", $"Values have at most {limits.MaxTextLength} characters; {IdRules.Quote(tooLong)} has {tooLong.Length}.");
            }
        }

        CheckCalendar(milestone.CalendarId, $"{at}.calendarId", calendarExists, errors);
        CheckEventTypes(milestone.CompletedBy, $"{at}.completedBy", errors, limits);
        CheckEventTypes(milestone.StartedBy, $"{at}.startedBy", errors, limits);
        if (milestone.StartedBy is { Count: > 0 } && milestone.Recurrence == Recurrence.None)
        {
            errors.Add($"{at}.startedBy", "'startedBy' starts further instances: it needs recurrence 'independent' or 'sequential'.");
        }
        CheckStatuses(milestone.PausedStatuses, $"{at}.pausedStatuses", errors, limits);

        var warnings = milestone.Warnings ?? [];
        if (!errors.Count($"{at}.warnings", warnings.Count, limits.MaxWarningsPerMilestone, "warnings per milestone"))
        {
            warnings = [];
        }
        for (var w = 0; w < warnings.Count; w++)
        {
            var warning = warnings[w];
            var wat = $"{at}.warnings[{w}]";
            if (warning is null || (warning.BeforeTargetMinutes is null) == (warning.AtPercent is null))
            {
                errors.Add(wat, "A warning has exactly one of 'beforeTargetMinutes' or 'atPercent'.");
            }
            else if (warning.BeforeTargetMinutes is { } before && (before <= 0 || before > MaxMinutes))
            {
                errors.Add($"{wat}.beforeTargetMinutes", "Give a positive number of minutes before the target.");
            }
            else if (warning.AtPercent is { } percent && (percent <= 0 || percent >= 100))
            {
                errors.Add($"{wat}.atPercent", "Give a percentage of the milestone time between 1 and 99.");
            }
        }

        var actions = milestone.Actions ?? [];
        if (!errors.Count($"{at}.actions", actions.Count, limits.MaxActionsPerMilestone, "actions per milestone"))
        {
            actions = [];
        }
        for (var a = 0; a < actions.Count; a++)
        {
            var action = actions[a];
            var aat = $"{at}.actions[{a}]";
            if (action is null)
            {
                errors.Add(aat, "An action must be an object with 'when' and 'type'.");
                continue;
            }
            if (action.OffsetMinutes is { } offset && action.When != ActionTrigger.Violation)
            {
                errors.Add($"{aat}.offsetMinutes", "Only violation actions take an offset; warnings and successes fire when they happen.");
            }
            else if (action.OffsetMinutes is < 0 or > MaxMinutes)
            {
                errors.Add($"{aat}.offsetMinutes", "The offset is minutes of open time after the target: 0 or more.");
            }
            errors.Text($"{aat}.setPriority", action.SetPriority, limits.MaxTextLength);
            errors.QueueName($"{aat}.setQueue", action.SetQueue);
            errors.Id($"{aat}.setOwner", action.SetOwner);
            var sets = action.SetPriority ?? action.SetQueue ?? action.SetOwner;
            if (action.Type == ActionType.Escalate && string.IsNullOrWhiteSpace(sets))
            {
                errors.Add(aat, "An escalate action sets at least one of 'setPriority', 'setQueue' or 'setOwner'.");
            }
            else if (action.Type != ActionType.Escalate && sets is not null)
            {
                errors.Add(aat, "Only escalate actions set fields.");
            }
        }
    }

    private static void CheckMinutes(int minutes, string field, ValidationErrors errors)
    {
        if (minutes <= 0)
        {
            errors.Add(field, "The milestone time must be a positive number of minutes.");
        }
        else if (minutes > MaxMinutes)
        {
            errors.Add(field, $"The milestone time must be at most {MaxMinutes} minutes (ten years).");
        }
    }

    private static void CheckCalendar(string? calendarId, string field, Func<string, bool> calendarExists, ValidationErrors errors)
    {
        if (calendarId is not null && !IdRules.IsId(calendarId))
        {
            errors.Id(field, calendarId);
        }
        else if (calendarId is not null && !calendarExists(calendarId))
        {
            errors.Add(field, $"There is no calendar '{calendarId}'; create it first with PUT /api/v1/calendars/{calendarId}.");
        }
    }

    private static void CheckStatuses(IReadOnlyList<string>? statuses, string field, ValidationErrors errors, Limits limits)
    {
        if (statuses is null || !errors.Count(field, statuses.Count, limits.MaxListLength, "statuses"))
        {
            return;
        }
        if (statuses.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add(field, "Status names must not be empty.");
        }
        else if (statuses.FirstOrDefault(s => s.Length > limits.MaxTextLength) is { } tooLong)
        {
            errors.Add(field, $"Status names have at most {limits.MaxTextLength} characters; {IdRules.Quote(tooLong)} has {tooLong.Length}.");
        }
    }

    private static void CheckEventTypes(IReadOnlyList<string>? types, string field, ValidationErrors errors, Limits limits)
    {
        if (types is not null && !errors.Count(field, types.Count, limits.MaxListLength, "event types"))
        {
            return;
        }
        foreach (var type in types ?? [])
        {
            if (type is null || !MilestoneEventTypes.Contains(type))
            {
                errors.Add(field, $"{(type is null ? "null" : IdRules.Quote(type))} is not an event type a milestone can react to: use {string.Join(", ", MilestoneEventTypes)}.");
            }
        }
    }
}
