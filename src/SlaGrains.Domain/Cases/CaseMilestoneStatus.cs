namespace SlaGrains.Domain.Cases;

/// <summary>SEMANTICS.md §8.</summary>
public enum CaseMilestoneStatus
{
    Compliant,
    OpenViolation,
    ClosedViolation,
}
