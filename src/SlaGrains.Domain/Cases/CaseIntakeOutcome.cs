namespace SlaGrains.Domain.Cases;

/// <summary>What a case does with an event it is sent (<see cref="CaseIntake"/>).</summary>
public enum CaseIntakeOutcome
{
    /// <summary>Apply it.</summary>
    Accept,

    /// <summary>The case holds this very event already: answer as if applied, change nothing.</summary>
    Replay,

    /// <summary>The case was never opened and the event is not an <c>opened</c>.</summary>
    NotFound,

    /// <summary>The event is malformed, or breaks a limit or the case's definitions; the errors name the fields.</summary>
    Invalid,

    /// <summary>The event contradicts the case: its id holds another event, or it acts on a closed case.</summary>
    Conflict,
}
