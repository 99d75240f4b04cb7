using SlaGrains.Domain.Validation;

namespace SlaGrains.Domain.Entitlements;

public static class EntitlementValidator
{
    public static ValidationErrors Validate(EntitlementDefinition definition, Func<string, bool> processExists, Func<string, bool> calendarExists)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(processExists);
        ArgumentNullException.ThrowIfNull(calendarExists);
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(definition.AccountId))
        {
            errors.Add("accountId", "An entitlement belongs to an account: give its id.");
        }
        if (string.IsNullOrWhiteSpace(definition.ProcessId))
        {
            errors.Add("processId", "Name the entitlement process this entitlement grants.");
        }
        else if (!processExists(definition.ProcessId))
        {
            errors.Add("processId", $"There is no process '{definition.ProcessId}'; create it first with PUT /api/v1/processes/{definition.ProcessId}.");
        }
        if (definition.CalendarId is not null && !calendarExists(definition.CalendarId))
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
        if (definition.ContactIds is { } contacts && contacts.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add("contactIds", "Contact ids must not be empty.");
        }
        return errors;
    }
}
