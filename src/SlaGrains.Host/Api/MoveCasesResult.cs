namespace SlaGrains.Host.Api;

/// <summary>The answer of a move: how many cases moved, and per open case of the process, moved or skipped and why.</summary>
public sealed record MoveCasesResult(int Moved, IReadOnlyList<CaseOperationResult> Results);
