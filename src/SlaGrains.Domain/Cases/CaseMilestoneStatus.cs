namespace SlaGrains.Domain.Cases;

/// <summary>The case's milestone status, from all its instances (docs/semantics.md).</summary>
public enum CaseMilestoneStatus
{
    Compliant,
    OpenViolation,
    ClosedViolation,
}
