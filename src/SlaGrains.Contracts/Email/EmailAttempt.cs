using NodaTime;

namespace SlaGrains.Contracts.Email;

/// <summary>One attempt to send an email alert, as the outbox logs it: <c>sent</c>, <c>failed</c> (retried) or <c>gaveUp</c>.</summary>
[GenerateSerializer, Immutable, Alias("sla.email-attempt")]
public sealed record EmailAttempt
{
    [Id(0)] public required string AlertId { get; init; }
    [Id(1)] public required string CaseId { get; init; }
    [Id(2)] public required int Attempt { get; init; }
    [Id(3)] public required Instant At { get; init; }
    [Id(4)] public required string Outcome { get; init; }
    [Id(5)] public string? Error { get; init; }
    [Id(6)] public IReadOnlyList<string> To { get; init; } = [];
}
