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
            MilestoneValidator.Validate(milestone, at, calendarExists, errors, limits);
        }
        return errors;
    }

    internal static void CheckCalendar(string? calendarId, string field, Func<string, bool> calendarExists, ValidationErrors errors)
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

    internal static void CheckStatuses(IReadOnlyList<string>? statuses, string field, ValidationErrors errors, Limits limits)
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
}
