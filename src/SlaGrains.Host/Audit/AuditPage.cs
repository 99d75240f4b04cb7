namespace SlaGrains.Host.Audit;

/// <summary>A page of the audit trail, newest first; <see cref="NextCursor"/> reads the next (older) page, null at the end.</summary>
public sealed record AuditPage(IReadOnlyList<AuditItem> Items, string? NextCursor);
