namespace SlaGrains.Domain.Processes;

/// <summary>How often a milestone may run on one case (docs/semantics.md).</summary>
public enum Recurrence
{
    /// <summary>At most one instance per case.</summary>
    None,

    /// <summary>A new instance at each trigger while none is open; it starts at the trigger.</summary>
    Independent,

    /// <summary>As independent, but never starts before the previous instance's target.</summary>
    Sequential,
}
