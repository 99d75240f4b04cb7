using System.Globalization;

namespace SlaGrains.Domain.Validation;

/// <summary>The checks every validator shares: ids, queue names, text lengths and counts, each naming its limit.</summary>
public static class FieldChecks
{
    /// <summary>An optional id: null passes, anything else follows <see cref="IdRules.IsId"/>.</summary>
    public static void Id(this ValidationErrors errors, string field, string? value)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (value is not null && !IdRules.IsId(value))
        {
            errors.Add(field, $"{IdRules.Quote(value)} is not a valid id: {IdRules.IdHint}.");
        }
    }

    public static void QueueName(this ValidationErrors errors, string field, string? value)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (value is not null && !IdRules.IsQueueName(value))
        {
            errors.Add(field, $"{IdRules.Quote(value)} is not a valid queue name: {IdRules.QueueHint}.");
        }
    }

    public static void Text(this ValidationErrors errors, string field, string? value, int max)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (value is not null && value.Length > max)
        {
            errors.Add(field, $"At most {N(max)} characters; this one has {N(value.Length)}.");
        }
    }

    /// <summary>True when within the limit, so callers skip checking each item of a list already refused.</summary>
    public static bool Count(this ValidationErrors errors, string field, int count, int max, string what)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (count <= max)
        {
            return true;
        }
        errors.Add(field, $"At most {N(max)} {what}; this one has {N(count)}.");
        return false;
    }

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
