using SlaGrains.Domain.Reports;

namespace SlaGrains.Host.Api;

/// <summary>A page of facts; <see cref="NextCursor"/> asks for the next, null on the last.</summary>
public sealed record MilestoneFactPage(IReadOnlyList<MilestoneFact> Items, string? NextCursor);
