using NodaTime;

namespace SlaGrains.Domain.Entitlements;

/// <summary>
/// A customer's right to support under a process (docs/api.md and docs/semantics.md, "Entitlements"). Empty
/// <see cref="ContactIds"/> covers every contact of the account; a null <see cref="AssetId"/> covers every asset.
/// </summary>
public sealed record EntitlementDefinition
{
    public string Name { get; init; } = "";
    public required string AccountId { get; init; }
    public IReadOnlyList<string>? ContactIds { get; init; }
    public string? AssetId { get; init; }
    public required string ProcessId { get; init; }
    public string? CalendarId { get; init; }
    public required LocalDate StartDate { get; init; }
    public LocalDate? EndDate { get; init; }

    /// <summary>Per-incident cap; null is unlimited.</summary>
    public int? CasesAllowed { get; init; }

    /// <summary>Inactive before the start date, Active from start to end date inclusive, Expired after.</summary>
    public EntitlementStatus StatusOn(LocalDate date) =>
        date < StartDate ? EntitlementStatus.Inactive
        : EndDate is { } end && date > end ? EntitlementStatus.Expired
        : EntitlementStatus.Active;
}
