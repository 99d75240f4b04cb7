namespace SlaGrains.Domain.Cases;

/// <summary>
/// The wire names of <see cref="CaseEventType"/> (docs/api.md, "Events"), as events carry them and processes name them
/// in <c>startedBy</c> and <c>completedBy</c>. The switch has no default arm, so a member without a name fails the build.
/// </summary>
public static class CaseEventTypes
{
    /// <summary>Every event type, in declaration order.</summary>
    public static IReadOnlyList<CaseEventType> All { get; } = Enum.GetValues<CaseEventType>();

    /// <summary>The types an integration may send: every one but those the case writes when actions fire.</summary>
    public static IReadOnlyList<CaseEventType> Sendable { get; } = [.. All.Where(t => !IsWrittenByCase(t))];

    /// <summary>Whether only the case writes events of <paramref name="type"/> (its actions' effects).</summary>
    public static bool IsWrittenByCase(CaseEventType type) =>
        type is CaseEventType.Escalated or CaseEventType.FieldUpdated or CaseEventType.TaskCreated or CaseEventType.ProcessMoved;

    private static readonly Dictionary<string, CaseEventType> ByName = All.ToDictionary(Name, StringComparer.Ordinal);

#pragma warning disable CS8524 // only named members exist; a value cast from an unnamed integer is a bug to surface
    public static string Name(CaseEventType type) => type switch
    {
        CaseEventType.Opened => "opened",
        CaseEventType.Updated => "updated",
        CaseEventType.AgentReplied => "agentReplied",
        CaseEventType.CustomerReplied => "customerReplied",
        CaseEventType.MilestoneCompleted => "milestoneCompleted",
        CaseEventType.Stopped => "stopped",
        CaseEventType.Resumed => "resumed",
        CaseEventType.Closed => "closed",
        CaseEventType.Reopened => "reopened",
        CaseEventType.Escalated => "escalated",
        CaseEventType.FieldUpdated => "fieldUpdated",
        CaseEventType.TaskCreated => "taskCreated",
        CaseEventType.TaskCompleted => "taskCompleted",
        CaseEventType.ProcessMoved => "processMoved",
    };
#pragma warning restore CS8524

    /// <summary>The type named <paramref name="name"/> exactly (case-sensitive, as processes spell it).</summary>
    public static bool TryParse(string? name, out CaseEventType type)
    {
        type = default;
        return name is not null && ByName.TryGetValue(name, out type);
    }
}
