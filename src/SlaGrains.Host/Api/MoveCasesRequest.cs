namespace SlaGrains.Host.Api;

/// <summary>The body of <c>POST /api/v1/processes/{id}/move-cases</c>: from which version to which the open cases move.</summary>
public sealed record MoveCasesRequest(int? FromVersion, int? ToVersion);
