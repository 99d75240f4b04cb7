namespace SlaGrains.Domain.Cases;

/// <summary>
/// Who sent an event, as the host authenticated it (never as the body says). Events SlaGrains writes itself
/// (<c>escalated</c>) have none.
/// </summary>
public sealed record EventActor(ActorKind Kind, string Id);
