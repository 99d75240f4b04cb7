using System.Collections.Immutable;
using SlaGrains.Domain.Cases;
using SlaGrains.Domain.Validation;

namespace SlaGrains.Domain.Processes;

/// <summary>The case fields an action's <see cref="ActionDefinition.Set"/> may name, their checks, and the changes they make.</summary>
public static class FieldUpdates
{
    /// <summary>The standard fields an action sets (the rest are <c>customFields.&lt;name&gt;</c>).</summary>
    public static readonly IReadOnlyList<string> Settable = ["status", "priority", "queue", "owner", "origin", "type", "entitlementId"];

    /// <summary>The changes an escalate or fieldUpdate action makes: its <c>set</c> map with its <c>setPriority</c>, <c>setQueue</c>, <c>setOwner</c>.</summary>
    public static CaseChanges ToChanges(ActionDefinition action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var set = action.Set ?? ImmutableDictionary<string, string?>.Empty;
        var custom = set.Where(f => f.Key.StartsWith(CaseFieldNames.CustomFieldPrefix, StringComparison.Ordinal))
            .ToImmutableDictionary(f => f.Key[CaseFieldNames.CustomFieldPrefix.Length..], f => f.Value, StringComparer.Ordinal);
        return new CaseChanges
        {
            Priority = action.SetPriority ?? set.GetValueOrDefault("priority"),
            Queue = action.SetQueue ?? set.GetValueOrDefault("queue"),
            Owner = action.SetOwner ?? set.GetValueOrDefault("owner"),
            Status = set.GetValueOrDefault("status"),
            Origin = set.GetValueOrDefault("origin"),
            Type = set.GetValueOrDefault("type"),
            EntitlementId = set.GetValueOrDefault("entitlementId"),
            CustomFields = custom.IsEmpty ? null : custom,
        };
    }

    /// <summary>Checks a <c>set</c> map as an <c>updated</c> event's changes are checked, naming <c>{at}.set.{field}</c>.</summary>
    public static void Check(IReadOnlyDictionary<string, string?> set, string at, ValidationErrors errors, Limits limits)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(limits);
        if (!errors.Count(at, set.Count, limits.MaxCustomFields, "fields"))
        {
            return;
        }
        foreach (var (field, value) in set)
        {
            var fat = $"{at}.{field}";
            var custom = field.StartsWith(CaseFieldNames.CustomFieldPrefix, StringComparison.Ordinal);
            if (custom && (field.Length == CaseFieldNames.CustomFieldPrefix.Length || field.Length - CaseFieldNames.CustomFieldPrefix.Length > limits.MaxCustomFieldNameLength))
            {
                errors.Add(at, $"Custom field names have 1 to {limits.MaxCustomFieldNameLength} characters after 'customFields.'.");
            }
            else if (!custom && !Settable.Contains(field))
            {
                errors.Add(at, $"{IdRules.Quote(field)} is not a field an action sets: use {string.Join(", ", Settable)} or customFields.<name>.");
            }
            else if (value is null && !custom)
            {
                errors.Add(fat, "Give the value to set; only a custom field can be removed (with null).");
            }
            else if (custom)
            {
                errors.Text(fat, value, limits.MaxCustomFieldValueLength);
                if (CaseFields.ReadInstant(value) is { } instant && Calendars.InstantRange.Check(instant, fat) is { } message)
                {
                    errors.Add(fat, message);
                }
            }
            else if (field is "owner" or "entitlementId")
            {
                errors.Id(fat, value);
            }
            else if (field == "queue")
            {
                errors.QueueName(fat, value);
            }
            else
            {
                errors.Text(fat, value, limits.MaxTextLength);
            }
        }
    }
}
