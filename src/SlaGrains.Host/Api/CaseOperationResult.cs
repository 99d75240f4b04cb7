namespace SlaGrains.Host.Api;

/// <summary>What an operation on many cases did to one (docs/api.md, "Lifecycle"): its outcome and, when it did not apply, why.</summary>
public sealed record CaseOperationResult(string CaseId, string Outcome, string? Reason = null)
{
    public const string Recomputed = "recomputed";
    public const string Failed = "failed";
    public const string Moved = "moved";
    public const string Skipped = "skipped";
}
