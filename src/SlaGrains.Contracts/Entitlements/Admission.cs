using SlaGrains.Domain.Cases;

namespace SlaGrains.Contracts.Entitlements;

/// <summary>An entitlement's answer to a case asking to enter its process, with the process version to pin when admitted.</summary>
[GenerateSerializer, Immutable, Alias("sla.admission")]
public sealed record Admission(
    [property: Id(0)] EntitlementDecision Decision,
    [property: Id(1)] int? ProcessVersion);
