using System.Collections.Immutable;
using NodaTime;
using NodaTime.Text;

namespace SlaGrains.Domain.Cases;

/// <summary>A case's fields as an <c>opened</c> event gives them and later events change them.</summary>
public sealed record CaseFields
{
    public string? AccountId { get; init; }
    public string? ContactId { get; init; }
    public string? AssetId { get; init; }
    public string? EntitlementId { get; init; }
    public string? Priority { get; init; }
    public string? Status { get; init; }
    public string? Origin { get; init; }
    public string? Type { get; init; }
    public string? Queue { get; init; }
    public string? Owner { get; init; }
    public string? Subject { get; init; }
    public ImmutableDictionary<string, string>? CustomFields { get; init; }

    /// <summary>The value criteria compare for a field name (<c>priority</c>, <c>customFields.region</c>, ...).</summary>
    public string? Get(string field) => field switch
    {
        "priority" => Priority,
        "status" => Status,
        "origin" => Origin,
        "type" => Type,
        "queue" => Queue,
        "owner" => Owner,
        _ when field.StartsWith(Processes.CaseFieldNames.CustomFieldPrefix, StringComparison.Ordinal) =>
            CustomFields?.GetValueOrDefault(field[Processes.CaseFieldNames.CustomFieldPrefix.Length..]),
        _ => null,
    };

    /// <summary>Applies changes; a custom field set to null is removed.</summary>
    /// <summary>
    /// A field value read as an instant (ISO 8601 with <c>Z</c> or an offset), as a process's <c>startsFrom</c> reads
    /// it; null for any other text. Only text shaped like a date-time is parsed, so plain values cost no parse.
    /// </summary>
    public static Instant? ReadInstant(string? value)
    {
        if (value is null || value.Length < 16 || value.Length > 64 || value.IndexOf('T', StringComparison.Ordinal) < 0)
        {
            return null;
        }
        var asInstant = InstantPattern.ExtendedIso.Parse(value);
        if (asInstant.Success)
        {
            return asInstant.Value;
        }
        var withOffset = OffsetDateTimePattern.ExtendedIso.Parse(value);
        return withOffset.Success ? withOffset.Value.ToInstant() : null;
    }

    public CaseFields Apply(CaseChanges changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var custom = CustomFields ?? ImmutableDictionary<string, string>.Empty;
        foreach (var (name, value) in changes.CustomFields ?? ImmutableDictionary<string, string?>.Empty)
        {
            custom = value is null ? custom.Remove(name) : custom.SetItem(name, value);
        }
        return this with
        {
            Priority = changes.Priority ?? Priority,
            Status = changes.Status ?? Status,
            Queue = changes.Queue ?? Queue,
            Owner = changes.Owner ?? Owner,
            Origin = changes.Origin ?? Origin,
            Type = changes.Type ?? Type,
            EntitlementId = changes.EntitlementId ?? EntitlementId,
            Subject = changes.Subject ?? Subject,
            CustomFields = custom,
        };
    }
}
