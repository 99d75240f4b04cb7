using SlaGrains.Domain.Validation;

namespace SlaGrains.Domain.Entitlements;

public static class EntitlementValidator
{
    /// <summary>
    /// Checks <paramref name="definition"/>; <paramref name="processExists"/> and <paramref name="calendarExists"/> are
    /// asked only about valid ids (<see cref="IdRules"/>), so callers may look them up as grains.
    /// </summary>
    public static ValidationErrors Validate(EntitlementDefinition definition, Func<string, bool> processExists, Func<string, bool> calendarExists, Limits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(processExists);
        ArgumentNullException.ThrowIfNull(calendarExists);
        limits ??= Limits.Default;
        var errors = new ValidationErrors();
        errors.Text("name", definition.Name, limits.MaxTextLength);
        if (string.IsNullOrWhiteSpace(definition.AccountId))
        {
            errors.Add("accountId", "An entitlement belongs to an account: give its id.");
        }
        else
        {
            errors.Id("accountId", definition.AccountId);
        }
        errors.Id("assetId", definition.AssetId);
        if (string.IsNullOrWhiteSpace(definition.ProcessId))
        {
            errors.Add("processId", "Name the entitlement process this entitlement grants.");
        }
        else if (!IdRules.IsId(definition.ProcessId))
        {
            errors.Id("processId", definition.ProcessId);
        }
        else if (!processExists(definition.ProcessId))
        {
            errors.Add("processId", $"There is no process '{definition.ProcessId}'; create it first with PUT /api/v1/processes/{definition.ProcessId}.");
        }
        if (definition.CalendarId is not null && !IdRules.IsId(definition.CalendarId))
        {
            errors.Id("calendarId", definition.CalendarId);
        }
        else if (definition.CalendarId is not null && !calendarExists(definition.CalendarId))
        {
            errors.Add("calendarId", $"There is no calendar '{definition.CalendarId}'.");
        }
        if (definition.EndDate is { } end && end < definition.StartDate)
        {
            errors.Add("endDate", "The end date is before the start date.");
        }
        if (definition.CasesAllowed is <= 0)
        {
            errors.Add("casesAllowed", "Allow at least one case, or omit 'casesAllowed' for unlimited cases.");
        }
        if (definition.ContactIds is { } contacts && errors.Count("contactIds", contacts.Count, limits.MaxContactsPerEntitlement, "contacts per entitlement"))
        {
            for (var i = 0; i < contacts.Count; i++)
            {
                errors.Id($"contactIds[{i}]", contacts[i] ?? "");
            }
        }
        return errors;
    }
}
