using System.Net.Mail;
using SlaGrains.Domain.Processes;

namespace SlaGrains.Domain.Cases;

/// <summary>What an email action's <c>to</c> entries name: <c>owner</c>, <c>customFields.&lt;name&gt;</c>, or an address.</summary>
public static class EmailRecipients
{
    public const string Owner = "owner";

    /// <summary>A single plain address (<c>ana@example.com</c>), as the BCL's parser reads one, without a display name.</summary>
    public static bool IsAddress([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? value) =>
        value is { Length: > 2 and <= 254 } && !value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)) &&
        MailAddress.TryCreate(value, out var address) && address.Address == value;

    /// <summary>Why <paramref name="to"/> is not a recipient an action may name; null when it is.</summary>
    public static string? Check(string? to) =>
        to == Owner || (to?.StartsWith(CaseFieldNames.CustomFieldPrefix, StringComparison.Ordinal) == true && to.Length > CaseFieldNames.CustomFieldPrefix.Length) || IsAddress(to)
            ? null
            : $"{(to is null ? "null" : Validation.IdRules.Quote(to))} is not a recipient: use 'owner', an email address, or 'customFields.<name>' holding one.";

    /// <summary>Resolves the action's <c>to</c> entries against the case's fields as of the notice.</summary>
    public static (List<string> Addresses, List<string> Owners, List<string> Unresolved) Resolve(IReadOnlyList<string> to, CaseFields fields)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(fields);
        List<string> addresses = [], owners = [], unresolved = [];
        foreach (var entry in to)
        {
            if (entry == Owner)
            {
                if (fields.Owner is { } owner)
                {
                    owners.Add(owner);
                }
                else
                {
                    unresolved.Add("owner: the case has no owner");
                }
            }
            else if (entry.StartsWith(CaseFieldNames.CustomFieldPrefix, StringComparison.Ordinal))
            {
                var value = fields.Get(entry);
                if (IsAddress(value))
                {
                    addresses.Add(value);
                }
                else
                {
                    unresolved.Add($"{entry}: {(value is null ? "not set" : "not an email address")}");
                }
            }
            else
            {
                addresses.Add(entry);
            }
        }
        return (addresses, owners, unresolved);
    }
}
