namespace SlaGrains.Domain.Validation;

/// <summary>
/// How large one case's fields and one definition may grow (docs/operations.md, "Cases and definitions"). Hosts bind
/// it from <c>Sla:Limits</c>; going over one is a 400 naming the field and the limit, never a truncation.
/// </summary>
public sealed record Limits
{
    public static Limits Default { get; } = new();

    /// <summary>Names, statuses, priorities, origins, types, milestone names and every other short text.</summary>
    public int MaxTextLength { get; init; } = 200;

    public int MaxSubjectLength { get; init; } = 1_000;

    /// <summary>A process's description.</summary>
    public int MaxDescriptionLength { get; init; } = 4_000;

    /// <summary>Custom fields on one case, and in one event's <c>case</c> or <c>changes</c>.</summary>
    public int MaxCustomFields { get; init; } = 100;

    public int MaxCustomFieldNameLength { get; init; } = 100;
    public int MaxCustomFieldValueLength { get; init; } = 1_000;
    public int MaxMilestonesPerProcess { get; init; } = 50;

    /// <summary>Fields a milestone's criteria test.</summary>
    public int MaxCriteriaPerMilestone { get; init; } = 20;

    public int MaxActionsPerMilestone { get; init; } = 20;
    public int MaxWarningsPerMilestone { get; init; } = 10;

    /// <summary>Every other list or map in a definition: values per criterion, paused statuses, <c>minutesByPriority</c>, <c>completedBy</c>, <c>startedBy</c>.</summary>
    public int MaxListLength { get; init; } = 100;

    /// <summary>Open intervals of one weekday, and closed intervals of one holiday.</summary>
    public int MaxIntervalsPerDay { get; init; } = 24;

    public int MaxHolidaysPerCalendar { get; init; } = 1_000;
    public int MaxContactsPerEntitlement { get; init; } = 1_000;

    /// <summary>The settings that are not positive, by name; a host refuses to start with any.</summary>
    public IEnumerable<string> NotPositive()
    {
        var all = new (string Name, int Value)[]
        {
            (nameof(MaxTextLength), MaxTextLength), (nameof(MaxSubjectLength), MaxSubjectLength),
            (nameof(MaxDescriptionLength), MaxDescriptionLength), (nameof(MaxCustomFields), MaxCustomFields),
            (nameof(MaxCustomFieldNameLength), MaxCustomFieldNameLength), (nameof(MaxCustomFieldValueLength), MaxCustomFieldValueLength),
            (nameof(MaxMilestonesPerProcess), MaxMilestonesPerProcess), (nameof(MaxCriteriaPerMilestone), MaxCriteriaPerMilestone),
            (nameof(MaxActionsPerMilestone), MaxActionsPerMilestone), (nameof(MaxWarningsPerMilestone), MaxWarningsPerMilestone),
            (nameof(MaxListLength), MaxListLength), (nameof(MaxIntervalsPerDay), MaxIntervalsPerDay),
            (nameof(MaxHolidaysPerCalendar), MaxHolidaysPerCalendar), (nameof(MaxContactsPerEntitlement), MaxContactsPerEntitlement),
        };
        return all.Where(s => s.Value <= 0).Select(s => s.Name);
    }
}
