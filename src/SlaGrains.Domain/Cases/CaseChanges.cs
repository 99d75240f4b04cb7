using System.Collections.Immutable;

namespace SlaGrains.Domain.Cases;

/// <summary>The fields an <c>updated</c> or <c>escalated</c> event sets; null leaves a field as it is.</summary>
public sealed record CaseChanges
{
    public string? Priority { get; init; }
    public string? Status { get; init; }
    public string? Queue { get; init; }
    public string? Owner { get; init; }
    public string? Origin { get; init; }
    public string? Type { get; init; }
    public string? EntitlementId { get; init; }
    public string? Subject { get; init; }
    public ImmutableDictionary<string, string?>? CustomFields { get; init; }
}
