namespace SlaGrains.Domain.Cases;

/// <summary>The milestone states a case listing filters on (<c>GET /api/v1/cases?state=</c>).</summary>
public enum CaseListState
{
    /// <summary>An open milestone is inside its warning window and not yet violated.</summary>
    Warning,

    /// <summary>An open milestone is past its target.</summary>
    Violated,

    /// <summary>An open milestone's clock is paused.</summary>
    Paused,

    /// <summary>The case's clock is stopped (a stop event).</summary>
    Stopped,
}
