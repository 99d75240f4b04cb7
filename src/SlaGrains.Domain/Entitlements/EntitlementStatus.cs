namespace SlaGrains.Domain.Entitlements;

public enum EntitlementStatus
{
    Inactive,
    Active,
    Expired,
}
