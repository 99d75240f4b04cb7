namespace SlaGrains.Host.Api;

/// <summary>A page of a case listing; <see cref="NextCursor"/> fetches the next one and is null on the last.</summary>
public sealed record CaseListPage(IReadOnlyList<CaseListRow> Items, string? NextCursor);
