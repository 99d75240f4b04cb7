namespace SlaGrains.Contracts.Serialization;

/// <summary>
/// An <see cref="Domain.Cases.EntitlementDecision"/> as Orleans stores and sends it where grain state and messages
/// hold one directly: a case's state carries its decision and is written on every change, so it goes in Orleans'
/// binary form rather than through the JSON codec the engine's other records take.
/// </summary>
[GenerateSerializer, Alias("sla.entitlement-decision")]
public readonly record struct EntitlementDecisionSurrogate(
    [property: Id(0)] string EntitlementId,
    [property: Id(1)] bool Admitted,
    [property: Id(2)] string Reason,
    [property: Id(3)] string? ProcessId,
    [property: Id(4)] string? CalendarId);
