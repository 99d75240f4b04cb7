namespace SlaGrains.Domain.Entitlements;

/// <summary>An account's entitlement as matching sees it: its definition and how many cases it may still admit (null: unlimited).</summary>
public sealed record EntitlementCandidate(string EntitlementId, EntitlementDefinition Definition, int? RemainingCases);
