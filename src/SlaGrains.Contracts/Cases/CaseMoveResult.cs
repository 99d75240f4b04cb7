namespace SlaGrains.Contracts.Cases;

/// <summary>What a move to another process version did to one case: moved, or why not; <see cref="InProcess"/> is false for a case of another process (or none).</summary>
[GenerateSerializer, Immutable, Alias("sla.case-move-result")]
public sealed record CaseMoveResult([property: Id(0)] bool Moved, [property: Id(1)] bool InProcess, [property: Id(2)] string? Reason = null);
