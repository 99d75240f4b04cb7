using SlaGrains.Domain.Processes;

namespace SlaGrains.Host.Api;

/// <summary>docs/api.md, "Reports": a draft process to replay the cases of <see cref="ProcessId"/> under, and the report to compare.</summary>
public sealed record WhatIfRequest
{
    public required ProcessDefinition Process { get; init; }
    public required string ProcessId { get; init; }
    public string? From { get; init; }
    public string? To { get; init; }
    public IReadOnlyList<string>? GroupBy { get; init; }
    public string? Interval { get; init; }
    public string? TimeZone { get; init; }
    public string[]? Queue { get; init; }
    public string[]? Milestone { get; init; }
    public string[]? EntitlementId { get; init; }
    public string[]? AccountId { get; init; }
    public string[]? Owner { get; init; }
    public string[]? Priority { get; init; }
}
