namespace SlaGrains.Domain.Processes;

/// <summary>The case fields that criteria and date sources may name.</summary>
public static class CaseFieldNames
{
    public const string CustomFieldPrefix = "customFields.";

    public static readonly IReadOnlySet<string> Standard =
        new HashSet<string>(StringComparer.Ordinal) { "priority", "status", "origin", "type", "queue", "owner" };

    public static bool IsKnown(string field) =>
        Standard.Contains(field) || (field.StartsWith(CustomFieldPrefix, StringComparison.Ordinal) && field.Length > CustomFieldPrefix.Length);
}
