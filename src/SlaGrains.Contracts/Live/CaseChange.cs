using SlaGrains.Domain.Cases;

namespace SlaGrains.Contracts.Live;

/// <summary>
/// A case as live views see it: the snapshot and the case's version. A higher version is a newer state; the same
/// version with a later <c>asOf</c> is the same state re-evaluated at a clock transition.
/// </summary>
[GenerateSerializer, Immutable, Alias("sla.case-change")]
public sealed record CaseChange(
    [property: Id(0)] CaseSnapshot Snapshot,
    [property: Id(1)] long Version);
