using SlaGrains.Domain.Validation;

namespace SlaGrains.Domain.Processes;

/// <summary>Checks one <see cref="MilestoneDefinition"/> of a process: times, criteria, calendar, event types, warnings, then its actions.</summary>
internal static class MilestoneValidator
{
    /// <summary><paramref name="at"/> is the milestone's JSON path (<c>milestones[0]</c>).</summary>
    public static void Validate(MilestoneDefinition milestone, string at, Func<string, bool> calendarExists, ValidationErrors errors, Limits limits)
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

        ProcessValidator.CheckCalendar(milestone.CalendarId, $"{at}.calendarId", calendarExists, errors);
        CheckEventTypes(milestone.CompletedBy, $"{at}.completedBy", errors, limits);
        CheckEventTypes(milestone.StartedBy, $"{at}.startedBy", errors, limits);
        if (milestone.StartedBy is { Count: > 0 } && milestone.Recurrence == Recurrence.None)
        {
            errors.Add($"{at}.startedBy", "'startedBy' starts further instances: it needs recurrence 'independent' or 'sequential'.");
        }
        ProcessValidator.CheckStatuses(milestone.PausedStatuses, $"{at}.pausedStatuses", errors, limits);

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
            else if (warning.BeforeTargetMinutes is { } before && (before <= 0 || before > ProcessValidator.MaxMinutes))
            {
                errors.Add($"{wat}.beforeTargetMinutes", "Give a positive number of minutes before the target.");
            }
            else if (warning.AtPercent is { } percent && (percent <= 0 || percent >= 100))
            {
                errors.Add($"{wat}.atPercent", "Give a percentage of the milestone time between 1 and 99.");
            }
        }

        ActionValidator.Validate(milestone.Actions, at, warnings, errors, limits);
    }

    private static void CheckMinutes(int minutes, string field, ValidationErrors errors)
    {
        if (minutes <= 0)
        {
            errors.Add(field, "The milestone time must be a positive number of minutes.");
        }
        else if (minutes > ProcessValidator.MaxMinutes)
        {
            errors.Add(field, $"The milestone time must be at most {ProcessValidator.MaxMinutes} minutes (ten years).");
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
            if (type is null || !ProcessValidator.MilestoneEventTypes.Contains(type))
            {
                errors.Add(field, $"{(type is null ? "null" : IdRules.Quote(type))} is not an event type a milestone can react to: use {string.Join(", ", ProcessValidator.MilestoneEventTypes)}.");
            }
        }
    }
}
