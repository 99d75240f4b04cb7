namespace SlaGrains.Domain.Cases;

/// <summary>
/// What the case learned about its entitlement when it got one: whether the entitlement admitted it (active process,
/// cases remaining) and why. The case enters <see cref="ProcessId"/> at the event that set
/// <see cref="EntitlementId"/>, if admitted.
/// </summary>
public sealed record EntitlementDecision(string EntitlementId, bool Admitted, string Reason, string? ProcessId = null, string? CalendarId = null);
