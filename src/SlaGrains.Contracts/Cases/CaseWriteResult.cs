using SlaGrains.Domain.Cases;

namespace SlaGrains.Contracts.Cases;

/// <summary>What became of an event: the outcome, the case afterwards and its version, or the field errors.</summary>
[GenerateSerializer, Immutable, Alias("sla.case-write-result")]
public sealed record CaseWriteResult
{
    [Id(0)] public required CaseWriteOutcome Outcome { get; init; }
    [Id(1)] public CaseSnapshot? Snapshot { get; init; }

    /// <summary>Grows with every stored change of the case, so live clients can drop stale snapshots.</summary>
    [Id(2)] public long Version { get; init; }

    [Id(3)] public IReadOnlyDictionary<string, string[]>? Errors { get; init; }
}
