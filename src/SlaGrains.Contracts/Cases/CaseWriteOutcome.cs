namespace SlaGrains.Contracts.Cases;

/// <summary>What became of an event. Serialized by value: the numbers are fixed, new outcomes take new ones.</summary>
[GenerateSerializer, Alias("sla.case-write-outcome")]
public enum CaseWriteOutcome
{
    /// <summary>The event is stored and applied.</summary>
    Applied = 0,

    /// <summary>An event with this id was applied before, with the same payload; nothing changed.</summary>
    Replayed = 1,

    /// <summary>The case was never opened and the event is not an <c>opened</c>.</summary>
    NotFound = 2,

    /// <summary>The event is malformed; <see cref="CaseWriteResult.Errors"/> names the fields.</summary>
    Invalid = 3,

    /// <summary>The case holds another event under this id; nothing changed, <see cref="CaseWriteResult.Errors"/> names <c>eventId</c>.</summary>
    Conflict = 4,
}
