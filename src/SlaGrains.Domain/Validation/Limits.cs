using System.ComponentModel.DataAnnotations;

namespace SlaGrains.Domain.Validation;

/// <summary>
/// How large one case and its fields, and one definition, may grow (docs/operations.md, "Cases and definitions"). Hosts bind
/// it from <c>Sla:Limits</c>; going over one is a 400 naming the field and the limit, never a truncation.
/// </summary>
public sealed record Limits
{
    public const string Section = "Sla:Limits";

    public static Limits Default { get; } = new();

    /// <summary>Names, statuses, priorities, origins, types, milestone names and every other short text.</summary>
    [Range(1, int.MaxValue)]
    public int MaxTextLength { get; init; } = 200;

    [Range(1, int.MaxValue)]
    public int MaxSubjectLength { get; init; } = 1_000;

    /// <summary>A process's description.</summary>
    [Range(1, int.MaxValue)]
    public int MaxDescriptionLength { get; init; } = 4_000;

    /// <summary>Custom fields on one case, and in one event's <c>case</c> or <c>changes</c>.</summary>
    [Range(1, int.MaxValue)]
    public int MaxCustomFields { get; init; } = 100;

    [Range(1, int.MaxValue)]
    public int MaxCustomFieldNameLength { get; init; } = 100;
    [Range(1, int.MaxValue)]
    public int MaxCustomFieldValueLength { get; init; } = 1_000;
    [Range(1, int.MaxValue)]
    public int MaxMilestonesPerProcess { get; init; } = 50;

    /// <summary>Fields a milestone's criteria test.</summary>
    [Range(1, int.MaxValue)]
    public int MaxCriteriaPerMilestone { get; init; } = 20;

    [Range(1, int.MaxValue)]
    public int MaxActionsPerMilestone { get; init; } = 20;
    [Range(1, int.MaxValue)]
    public int MaxWarningsPerMilestone { get; init; } = 10;

    /// <summary>Every other list or map in a definition: values per criterion, paused statuses, <c>minutesByPriority</c>, <c>completedBy</c>, <c>startedBy</c>.</summary>
    [Range(1, int.MaxValue)]
    public int MaxListLength { get; init; } = 100;

    /// <summary>Open intervals of one weekday, and closed intervals of one holiday.</summary>
    [Range(1, int.MaxValue)]
    public int MaxIntervalsPerDay { get; init; } = 24;

    [Range(1, int.MaxValue)]
    public int MaxHolidaysPerCalendar { get; init; } = 1_000;
    [Range(1, int.MaxValue)]
    public int MaxContactsPerEntitlement { get; init; } = 1_000;

    /// <summary>Events one case holds at most, escalations it wrote itself included.</summary>
    [Range(1, int.MaxValue)]
    public int EventsPerCase { get; init; } = 10_000;

    /// <summary>Ended instances of each milestone a snapshot lists besides the open one (the latest); the rest are counted.</summary>
    [Range(0, int.MaxValue)]
    public int SnapshotInstances { get; init; } = 10;
}
