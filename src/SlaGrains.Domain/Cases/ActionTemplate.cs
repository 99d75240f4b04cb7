using System.Text;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;
using SlaGrains.Domain.Processes;

namespace SlaGrains.Domain.Cases;

/// <summary>
/// The placeholders of email and task texts: <c>{{case.subject}}</c>, <c>{{milestone.targetAt}}</c>, ... (docs/api.md,
/// "Actions"), replaced by the value as of the notice, or by nothing when the case has none. Written here rather than
/// taken from a template library (Scriban, Fluid): those run expressions and loops, while a fixed set of names can be
/// checked when the process is saved, so a typo is a 400 naming the field rather than a gap in a sent email. Output
/// is plain text; one-line texts (subjects) have control characters replaced, so no value can add a mail header.
/// </summary>
public static partial class ActionTemplate
{
    private const string CustomPrefix = "case." + CaseFieldNames.CustomFieldPrefix;

    /// <summary>Every placeholder name but <c>case.customFields.&lt;name&gt;</c>.</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        "case.id", "case.subject", "case.status", "case.priority", "case.queue", "case.owner", "case.origin", "case.type",
        "case.accountId", "case.contactId", "case.assetId", "case.entitlementId",
        "milestone.id", "milestone.name", "milestone.status", "milestone.startedAt", "milestone.targetAt", "milestone.completedAt",
        "notice.id", "notice.type", "notice.occurredAt", "notice.late",
    ];

    [GeneratedRegex(@"\{\{\s*([A-Za-z0-9_.:@\-]+)\s*\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    /// <summary>The placeholders of <paramref name="template"/> that name nothing, in order of appearance.</summary>
    public static IReadOnlyList<string> Unknown(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return [.. Placeholder().Matches(template).Select(m => m.Groups[1].Value).Where(name => !IsKnown(name)).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>
    /// <paramref name="template"/> with every placeholder replaced by its value for <paramref name="notice"/> on a case
    /// with <paramref name="fields"/>; with <paramref name="singleLine"/>, line breaks and other control characters of
    /// the values become spaces.
    /// </summary>
    public static string Render(string template, CaseFields fields, SlaNotice notice, bool singleLine)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(notice);
        return Placeholder().Replace(template, m =>
        {
            var value = Value(m.Groups[1].Value, fields, notice) ?? "";
            return singleLine ? OneLine(value) : value;
        });
    }

    private static bool IsKnown(string name) =>
        Names.Contains(name) || (name.StartsWith(CustomPrefix, StringComparison.Ordinal) && name.Length > CustomPrefix.Length);

    private static string? Value(string name, CaseFields fields, SlaNotice notice)
    {
        var milestone = notice.Milestone;
        return name switch
        {
            "case.id" => notice.CaseId,
            "case.subject" => fields.Subject,
            "case.status" => fields.Status,
            "case.priority" => fields.Priority,
            "case.queue" => fields.Queue,
            "case.owner" => fields.Owner,
            "case.origin" => fields.Origin,
            "case.type" => fields.Type,
            "case.accountId" => fields.AccountId,
            "case.contactId" => fields.ContactId,
            "case.assetId" => fields.AssetId,
            "case.entitlementId" => fields.EntitlementId,
            "milestone.id" => milestone.Id,
            "milestone.name" => milestone.Name,
            "milestone.status" => milestone.Status.ToString(),
            "milestone.startedAt" => Text(milestone.StartedAt),
            "milestone.targetAt" => Text(milestone.TargetAt),
            "milestone.completedAt" => Text(milestone.CompletedAt),
            "notice.id" => notice.DeliveryId,
            "notice.type" => notice.Type,
            "notice.occurredAt" => Text(notice.OccurredAt),
            "notice.late" => notice.Late ? "true" : "false",
            _ when name.StartsWith(CustomPrefix, StringComparison.Ordinal) => fields.CustomFields?.GetValueOrDefault(name[CustomPrefix.Length..]),
            _ => null, // refused when the process was saved
        };
    }

    private static string? Text(Instant? instant) => instant is { } t ? InstantPattern.General.Format(t) : null;

    private static string OneLine(string value)
    {
        if (!value.Any(char.IsControl))
        {
            return value;
        }
        var line = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            line.Append(char.IsControl(c) ? ' ' : c);
        }
        return line.ToString();
    }
}
