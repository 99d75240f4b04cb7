using NodaTime;
using SlaGrains.Domain.Entitlements;

namespace SlaGrains.Contracts.Entitlements;

/// <summary>A stored entitlement with what reads add (docs/api.md): its status today and its remaining cases (null: unlimited).</summary>
[GenerateSerializer, Immutable, Alias("sla.entitlement-record")]
public sealed record EntitlementRecord(
    [property: Id(0)] string EntitlementId,
    [property: Id(1)] EntitlementDefinition Definition,
    [property: Id(2)] EntitlementStatus Status,
    [property: Id(3)] int? RemainingCases,
    [property: Id(4)] Instant UpdatedAt);
