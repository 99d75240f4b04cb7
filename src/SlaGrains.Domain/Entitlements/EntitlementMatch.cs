namespace SlaGrains.Domain.Entitlements;

/// <summary>The outcome of matching: the entitlement chosen (if any) and, always, why.</summary>
public sealed record EntitlementMatch(string? EntitlementId, string Reason);
