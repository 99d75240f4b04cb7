namespace SlaGrains.Domain.Cases;

/// <summary>
/// The lists an open case appears in: its queue's, its owner's, and the list of every open case. Each is kept in the
/// same bucketed index under a key: a queue under its name, an owner under <c>owner/{id}</c> and all cases under
/// <c>*</c>; neither <c>/</c> nor <c>*</c> can be in a queue name, so no queue shares an owner's or the whole list's key.
/// </summary>
public static class CaseIndexes
{
    public const string All = "*";
    private const string OwnerPrefix = "owner/";

    public static string Owner(string ownerId) => OwnerPrefix + ownerId;

    /// <summary>The owner an index key names, or null for a queue's key and the whole list's.</summary>
    public static string? OwnerOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.StartsWith(OwnerPrefix, StringComparison.Ordinal) ? key[OwnerPrefix.Length..] : null;
    }

    /// <summary>The keys of <paramref name="before"/> that <paramref name="after"/> no longer has: the lists a change took the case out of.</summary>
    public static IReadOnlyList<string> Left(IEnumerable<string> before, IEnumerable<string> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        // An array: Orleans sends it inside a live change, and cannot read the compiler's list type back.
        return before.SequenceEqual(after, StringComparer.Ordinal) ? [] : before.Except(after, StringComparer.Ordinal).ToArray();
    }

    /// <summary>The index keys of <paramref name="snapshot"/>: none once it is closed.</summary>
    public static IReadOnlyList<string> Of(CaseSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.Closed)
        {
            return [];
        }
        List<string> keys = [All];
        if (snapshot.Queue is { } queue)
        {
            keys.Add(queue);
        }
        if (snapshot.Owner is { } owner)
        {
            keys.Add(Owner(owner));
        }
        return keys;
    }

    /// <summary>The milestones a listing row shows: every instance still open (in progress, paused or violated).</summary>
    public static IReadOnlyList<MilestoneSnapshot> OpenMilestones(CaseSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        // A List, not a collection expression: Orleans sends Domain-made types as JSON, which cannot read the compiler's list type back.
        return snapshot.Milestones.Where(IsOpen).ToList();
    }

    public static bool IsOpen(MilestoneSnapshot milestone)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        return milestone.Status is MilestoneStatus.InProgress or MilestoneStatus.Paused or MilestoneStatus.Violated;
    }

    /// <summary>Whether a case with these open milestones is in any of <paramref name="states"/> (all cases when empty).</summary>
    public static bool Matches(IReadOnlyCollection<CaseListState> states, IEnumerable<MilestoneSnapshot> open, bool isStopped)
    {
        ArgumentNullException.ThrowIfNull(states);
        ArgumentNullException.ThrowIfNull(open);
        if (states.Count == 0)
        {
            return true;
        }
        if (isStopped && states.Contains(CaseListState.Stopped))
        {
            return true;
        }
        return open.Any(m => states.Any(s => s switch
        {
            CaseListState.Violated => m.Status == MilestoneStatus.Violated,
            CaseListState.Paused => m.Status == MilestoneStatus.Paused,
            CaseListState.Warning => IsWarning(m),
            _ => false,
        }));
    }

    /// <summary>Inside the warning window (remaining at or below the first warning's offset) and not yet violated.</summary>
    public static bool IsWarning(MilestoneSnapshot milestone)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        return milestone.Status is MilestoneStatus.InProgress or MilestoneStatus.Paused &&
               milestone.WarningSeconds is { } window && milestone.RemainingSeconds <= window;
    }
}
