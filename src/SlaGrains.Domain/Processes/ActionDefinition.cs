namespace SlaGrains.Domain.Processes;

/// <summary>
/// Something to do when a milestone warns, is violated (at the target plus <see cref="OffsetMinutes"/> of open time),
/// or succeeds (docs/api.md, "Actions"). Which settings an action takes depends on its <see cref="Type"/>.
/// </summary>
public sealed record ActionDefinition
{
    public required ActionTrigger When { get; init; }
    public required ActionType Type { get; init; }
    public int? OffsetMinutes { get; init; }

    /// <summary>
    /// For warning actions: the one warning the action belongs to, by its key (<c>15m</c> for
    /// <c>beforeTargetMinutes: 15</c>, <c>75pct</c> for <c>atPercent: 75</c>; <see cref="WarningDefinition.KeyOf"/>).
    /// Null runs it at every warning of the milestone.
    /// </summary>
    public string? Warning { get; init; }

    public string? SetPriority { get; init; }
    public string? SetQueue { get; init; }
    public string? SetOwner { get; init; }

    /// <summary>
    /// For <c>fieldUpdate</c> and <c>escalate</c>: case field (<see cref="FieldUpdates.Settable"/> or
    /// <c>customFields.&lt;name&gt;</c>) → the value it gets; null removes a custom field.
    /// </summary>
    public IReadOnlyDictionary<string, string?>? Set { get; init; }

    /// <summary>For <c>email</c>: <c>owner</c>, an email address, or <c>customFields.&lt;name&gt;</c> holding one.</summary>
    public IReadOnlyList<string>? To { get; init; }

    /// <summary>For <c>email</c> and <c>task</c>: a template (<see cref="Cases.ActionTemplate"/>).</summary>
    public string? Subject { get; init; }

    /// <summary>For <c>email</c>: a plain-text template (<see cref="Cases.ActionTemplate"/>).</summary>
    public string? Body { get; init; }

    /// <summary>For <c>task</c>: minutes of wall time after the notice at which the task is due.</summary>
    public int? DueInMinutes { get; init; }
}
