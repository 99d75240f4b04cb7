namespace SlaGrains.Grains.Cases;

/// <summary>
/// One run of the sealed start of a case's event log, stored apart from the case's own state so that an event writes
/// only the recent tail (<see cref="CaseState.Log"/>) and not the whole history. Runs follow each other in the order
/// of <see cref="CaseState.SealedRuns"/>, under the state names <c>case-log</c>, <c>case-log-1</c>, <c>case-log-2</c>, ...
/// </summary>
[GenerateSerializer, Alias("sla.case-log-state")]
public sealed class CaseLogState
{
    /// <summary>
    /// JSON Lines (<see cref="StoredEvent"/>). Only as many lines as <see cref="CaseState.SealedRuns"/> counts for the
    /// run count: a seal whose second write never landed leaves more here, and those events are still in the case's tail.
    /// </summary>
    [Id(0)] public ReadOnlyMemory<byte> Events { get; set; }
}
