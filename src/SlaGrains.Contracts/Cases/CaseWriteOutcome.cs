namespace SlaGrains.Contracts.Cases;

[GenerateSerializer, Alias("sla.case-write-outcome")]
public enum CaseWriteOutcome
{
    /// <summary>The event is stored and applied.</summary>
    Applied,

    /// <summary>An event with this id was applied before; nothing changed.</summary>
    Replayed,

    /// <summary>The case was never opened and the event is not an <c>opened</c>.</summary>
    NotFound,

    /// <summary>The event is malformed; <see cref="CaseWriteResult.Errors"/> names the fields.</summary>
    Invalid,
}
