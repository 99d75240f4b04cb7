namespace SlaGrains.Domain.People;

/// <summary>What a person may do (docs/api.md, "People"): the host maps each role to its scopes.</summary>
public enum UserRole
{
    Agent,
    Supervisor,
    Admin,
}
