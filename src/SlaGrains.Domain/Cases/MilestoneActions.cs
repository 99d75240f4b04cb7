using SlaGrains.Domain.Processes;

namespace SlaGrains.Domain.Cases;

/// <summary>
/// A milestone's actions grouped the way its notifications carry them: those of its warnings, of its violation at each
/// offset (0 always among them, in ascending order), and of its success.
/// </summary>
internal sealed record MilestoneActions(
    IReadOnlyList<ActionDefinition> Warning,
    IReadOnlyList<(int Offset, IReadOnlyList<ActionDefinition> Actions)> Violation,
    IReadOnlyList<ActionDefinition> Success)
{
    /// <summary>The warning actions of the warning with key <paramref name="key"/>: those naming it and those naming none.</summary>
    public IReadOnlyList<ActionDefinition> ForWarning(string key)
    {
        for (var i = 0; i < Warning.Count; i++)
        {
            if (Warning[i].Warning is not null)
            {
                return [.. Warning.Where(a => a.Warning is null || string.Equals(a.Warning, key, StringComparison.Ordinal))];
            }
        }
        return Warning; // the common case: no action names a warning, so every warning carries them all
    }

    public static MilestoneActions Of(IReadOnlyList<ActionDefinition> actions)
    {
        var offsets = new SortedSet<int> { 0 };
        foreach (var action in actions)
        {
            if (action.When == ActionTrigger.Violation)
            {
                offsets.Add(action.OffsetMinutes ?? 0);
            }
        }
        return new MilestoneActions(
            [.. actions.Where(a => a.When == ActionTrigger.Warning)],
            [.. offsets.Select(offset => (offset, (IReadOnlyList<ActionDefinition>)[.. actions.Where(a => a.When == ActionTrigger.Violation && (a.OffsetMinutes ?? 0) == offset)]))],
            [.. actions.Where(a => a.When == ActionTrigger.Success)]);
    }
}
