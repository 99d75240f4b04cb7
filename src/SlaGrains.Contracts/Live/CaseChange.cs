using SlaGrains.Domain.Cases;

namespace SlaGrains.Contracts.Live;

/// <summary>
/// A case as live views see it: the snapshot and the case's version. A higher version is a newer state; the same
/// version with a later <c>asOf</c> is the same state re-evaluated at a clock transition.
/// </summary>
[GenerateSerializer, Immutable, Alias("sla.case-change")]
public sealed record CaseChange(
    [property: Id(0)] CaseSnapshot Snapshot,
    [property: Id(1)] long Version)
{
    /// <summary>
    /// The index keys (<see cref="CaseIndexes"/>) the case left with this change: its previous owner or queue, or all
    /// of them once closed. Their live views hear of the change too, so that they can drop the case.
    /// </summary>
    [Id(2)] public IReadOnlyList<string> Left { get; init; } = [];

    /// <summary>This change followed by a newer one of the same case, as one change: the newer state, having left both's indexes.</summary>
    public CaseChange Then(CaseChange later)
    {
        ArgumentNullException.ThrowIfNull(later);
        var newer = later.Version >= Version ? later : this;
        return Left.Count + later.Left.Count == 0 ? newer : newer with { Left = Left.Union(later.Left, StringComparer.Ordinal).ToArray() };
    }
}
