using NodaTime;

namespace SlaGrains.Domain.Cases;

/// <summary>A page of one milestone's instances on a case, by instance number, as of <see cref="AsOf"/>.</summary>
public sealed record MilestoneInstancePage
{
    public required string CaseId { get; init; }

    /// <summary>The milestone's key, as in its instance ids (<c>next-response</c>).</summary>
    public required string Milestone { get; init; }

    public required string Name { get; init; }
    public required Instant AsOf { get; init; }

    /// <summary>How many instances the milestone has had on the case.</summary>
    public required int Total { get; init; }

    /// <summary>The number of the first instance asked for.</summary>
    public required int From { get; init; }

    public required IReadOnlyList<MilestoneSnapshot> Instances { get; init; }

    /// <summary>The <c>from</c> of the next page; null on the last.</summary>
    public int? Next { get; init; }
}
