namespace SlaGrains.Grains.Cases;

/// <summary>
/// The sealed start of a case's event log, stored apart from the case's own state so that an event writes only the
/// recent tail (<see cref="CaseState.Log"/>) and not the whole history.
/// </summary>
[GenerateSerializer, Alias("sla.case-log-state")]
public sealed class CaseLogState
{
    /// <summary>
    /// JSON Lines (<see cref="StoredEvent"/>). Only the first <see cref="CaseState.SealedEvents"/> lines count: a seal
    /// whose second write never landed leaves more here, and those events are still in the case's tail.
    /// </summary>
    [Id(0)] public ReadOnlyMemory<byte> Events { get; set; }
}
