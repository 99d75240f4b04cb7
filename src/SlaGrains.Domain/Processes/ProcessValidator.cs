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
            CheckWarning(action, aat, warnings, errors);
            CheckSettings(action, aat, errors, limits);
        }
    }

    /// <summary>A warning action may name the one warning it belongs to, by key (<see cref="WarningDefinition.KeyOf"/>).</summary>
    private static void CheckWarning(ActionDefinition action, string aat, IReadOnlyList<WarningDefinition> warnings, ValidationErrors errors)
    {
        if (action.Warning is not { } named)
        {
            return;
        }
        var keys = warnings.Where(w => w is not null && (w.BeforeTargetMinutes is null) != (w.AtPercent is null)).Select(WarningDefinition.KeyOf).ToList();
        if (action.When != ActionTrigger.Warning)
        {
            errors.Add($"{aat}.warning", "Only warning actions name a warning.");
        }
        else if (!keys.Contains(named, StringComparer.Ordinal))
        {
            errors.Add($"{aat}.warning", keys.Count == 0
                ? "The milestone has no warnings to name."
                : $"The milestone has no warning {IdRules.Quote(named)}: name one of {string.Join(", ", keys.Select(k => $"'{k}'"))} ('15m' is beforeTargetMinutes 15, '75pct' is atPercent 75).");
        }
    }

    /// <summary>Each action type's settings are given, valid, and only where the type takes them.</summary>
    private static void CheckSettings(ActionDefinition action, string aat, ValidationErrors errors, Limits limits)
    {
        var type = action.Type;
        var escalates = type == ActionType.Escalate;
        Only(action.SetPriority is not null || action.SetQueue is not null || action.SetOwner is not null, escalates, "", "'setPriority', 'setQueue' and 'setOwner'", "escalate");
        Only(action.Set is not null, escalates || type == ActionType.FieldUpdate, "set", "'set'", "escalate and fieldUpdate");
        Only(action.To is not null, type == ActionType.Email, "to", "'to'", "email");
        Only(action.Body is not null, type == ActionType.Email, "body", "'body'", "email");
        Only(action.Subject is not null, type is ActionType.Email or ActionType.Task, "subject", "'subject'", "email and task");
        Only(action.DueInMinutes is not null, type == ActionType.Task, "dueInMinutes", "'dueInMinutes'", "task");

        if (action.Set is { } set)
        {
            FieldUpdates.Check(set, $"{aat}.set", errors, limits);
        }
        var sets = action.SetPriority ?? action.SetQueue ?? action.SetOwner;
        if (escalates && string.IsNullOrWhiteSpace(sets) && action.Set is not { Count: > 0 })
        {
            errors.Add(aat, "An escalate action sets at least one field: 'setPriority', 'setQueue', 'setOwner' or 'set'.");
        }
        if (type == ActionType.FieldUpdate && action.Set is not { Count: > 0 })
        {
            errors.Add($"{aat}.set", "A fieldUpdate action names the fields it sets in 'set', for example {\"status\": \"Resolved\"}.");
        }
        if (type is ActionType.Email or ActionType.Task)
        {
            CheckTemplate(action.Subject, $"{aat}.subject", limits.MaxSubjectLength, errors);
        }
        if (type == ActionType.Task && action.DueInMinutes is not (> 0 and <= MaxMinutes))
        {
            errors.Add($"{aat}.dueInMinutes", $"Give the minutes after the notice at which the task is due: 1 to {MaxMinutes}.");
        }
        if (type == ActionType.Email)
        {
            CheckTemplate(action.Body, $"{aat}.body", limits.MaxDescriptionLength, errors);
            if (action.To is not { Count: > 0 } to)
            {
                errors.Add($"{aat}.to", "Name at least one recipient: 'owner', an email address, or 'customFields.<name>' holding one.");
            }
            else if (errors.Count($"{aat}.to", to.Count, limits.MaxListLength, "recipients"))
            {
                for (var i = 0; i < to.Count; i++)
                {
                    if (EmailRecipients.Check(to[i]) is { } problem)
                    {
                        errors.Add($"{aat}.to[{i}]", problem);
                    }
                }
            }
        }

        void Only(bool given, bool takes, string field, string names, string types)
        {
            if (given && !takes)
            {
                errors.Add(field.Length == 0 ? aat : $"{aat}.{field}", $"Only {types} actions take {names}; this one is '{ActionTypeName(type)}'.");
            }
        }
    }

    /// <summary>A required text of an email or task action, with placeholders only of <see cref="ActionTemplate.Names"/>.</summary>
    private static void CheckTemplate(string? template, string field, int max, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(template))
        {
            errors.Add(field, "Give the text; it may use placeholders such as {{case.subject}} and {{milestone.name}}.");
            return;
        }
        errors.Text(field, template, max);
        if (ActionTemplate.Unknown(template) is { Count: > 0 } unknown)
        {
            errors.Add(field, $"Unknown placeholder{(unknown.Count > 1 ? "s" : "")} {string.Join(", ", unknown.Select(u => $"{{{{{u}}}}}"))}: use {string.Join(", ", ActionTemplate.Names)} or case.customFields.<name>.");
        }
    }

    private static string ActionTypeName(ActionType type) => string.Concat(type.ToString()[..1].ToLowerInvariant(), type.ToString()[1..]);

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
