using NodaTime;
using SlaGrains.Domain.Entitlements;

namespace SlaGrains.Host.Api;

/// <summary>A stored entitlement as reads show it: its definition, then its id, status today and remaining cases (null: unlimited).</summary>
public sealed record EntitlementRead(string EntitlementId, EntitlementStatus Status, int? RemainingCases, Instant UpdatedAt) : IStoredRead<EntitlementDefinition>;
