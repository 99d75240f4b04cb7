using System.Collections.Immutable;
using NodaTime;

namespace SlaGrains.Domain.Cases;

/// <summary>
/// A milestone's instances on the case as the fold stands: the ended ones, which never change again, and at most one
/// open one, always the last.
/// </summary>
/// <remarks>
/// The ended instances are an immutable list so that a copy of the fold (a checkpoint, or the copy an evaluation
/// marks violations on) shares them and copies only the open instance: a copy costs the same on a case with twenty
/// thousand instances as on a new one.
/// </remarks>
internal sealed class MilestoneHistory(MilestoneTrack track)
{
    private ImmutableList<MilestoneInstance> _ended = [];

    public MilestoneTrack Track { get; } = track;
    public MilestoneInstance? Open { get; private set; }
    public bool WasMatching { get; set; }

    /// <summary>Whether any ended instance was violated: the case's status needs it without reading them all.</summary>
    public bool EndedViolated { get; private set; }
    public int Count => _ended.Count + (Open is null ? 0 : 1);
    public MilestoneInstance? Last => Open ?? (_ended.IsEmpty ? null : _ended[^1]);

    /// <summary>Every instance, by number.</summary>
    public IEnumerable<MilestoneInstance> Instances => Open is null ? _ended : _ended.Append(Open);

    /// <summary>The open instance and the <paramref name="ended"/> most recently started ended ones, by number.</summary>
    public IEnumerable<MilestoneInstance> Recent(int ended)
    {
        for (var i = Math.Max(0, _ended.Count - ended); i < _ended.Count; i++)
        {
            yield return _ended[i];
        }
        if (Open is not null)
        {
            yield return Open;
        }
    }

    /// <summary>Instances <paramref name="from"/> (1-based number) on, at most <paramref name="limit"/> of them.</summary>
    public IEnumerable<MilestoneInstance> Page(int from, int limit)
    {
        for (var number = Math.Max(1, from); number <= Count && number < (long)from + limit; number++)
        {
            yield return number <= _ended.Count ? _ended[number - 1] : Open!;
        }
    }

    public void Start(Instant start, Duration time) => Open = new MilestoneInstance(Track, Count + 1, start, time);

    public void CompleteOpen(Instant at, CaseFields fields)
    {
        Open!.Complete(at, fields);
        EndOpen();
    }

    public void CancelOpen(Instant at, CaseFields fields)
    {
        Open!.Cancel(at, fields);
        EndOpen();
    }

    /// <summary>This history under another version's definition of the milestone: the ended instances as they ended, the open one carried on.</summary>
    public MilestoneHistory MovedTo(MilestoneTrack track, Duration time) =>
        new(track) { _ended = _ended, Open = Open?.MovedTo(track, time), WasMatching = WasMatching, EndedViolated = EndedViolated };

    /// <summary>A copy that shares the ended instances and has its own copy of the open one.</summary>
    public MilestoneHistory Copy() => new(Track) { _ended = _ended, Open = Open?.Copy(), WasMatching = WasMatching, EndedViolated = EndedViolated };

    private void EndOpen()
    {
        _ended = _ended.Add(Open!);
        EndedViolated |= Open!.ViolatedAt is not null;
        Open = null;
    }
}
