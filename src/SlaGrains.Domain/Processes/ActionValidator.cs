using SlaGrains.Domain.Cases;
using SlaGrains.Domain.Validation;

namespace SlaGrains.Domain.Processes;

/// <summary>Checks a milestone's <see cref="ActionDefinition"/>s: each type's settings are given, valid, and only where the type takes them.</summary>
public static class ActionValidator
{
    /// <summary><paramref name="at"/> is the milestone's JSON path; <paramref name="warnings"/> are its warnings, which warning actions may name.</summary>
    public static void Validate(IReadOnlyList<ActionDefinition>? actions, string at, IReadOnlyList<WarningDefinition> warnings, ValidationErrors errors, Limits limits)
    {
        ArgumentNullException.ThrowIfNull(warnings);
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(limits);
        actions ??= [];
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
            else if (action.OffsetMinutes is < 0 or > ProcessValidator.MaxMinutes)
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
        if (type == ActionType.Task && action.DueInMinutes is not (> 0 and <= ProcessValidator.MaxMinutes))
        {
            errors.Add($"{aat}.dueInMinutes", $"Give the minutes after the notice at which the task is due: 1 to {ProcessValidator.MaxMinutes}.");
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
}
