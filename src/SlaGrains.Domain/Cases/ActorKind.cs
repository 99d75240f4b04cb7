namespace SlaGrains.Domain.Cases;

/// <summary>Who sent an event: a person with a personal key, or an integration with a configured key.</summary>
public enum ActorKind
{
    User,
    Integration,
}
