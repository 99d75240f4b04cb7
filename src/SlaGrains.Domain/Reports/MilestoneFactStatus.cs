namespace SlaGrains.Domain.Reports;

/// <summary>How a milestone instance came out, for reports (docs/semantics.md, "Reports").</summary>
public enum MilestoneFactStatus
{
    /// <summary>Completed on or before its target.</summary>
    Met,

    /// <summary>Completed after its target.</summary>
    MetLate,

    /// <summary>Passed its target and never completed: still open, or canceled after the breach.</summary>
    Violated,

    /// <summary>Still running, target not yet passed.</summary>
    Open,

    /// <summary>Ended by its criteria no longer matching before its target passed.</summary>
    Canceled,
}
