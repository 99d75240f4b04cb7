namespace SlaGrains.Domain.Reports;

/// <summary>
/// Everything reports know of one case at one version: its case fact and every milestone instance it has. A store
/// replaces the case's facts with these unless it holds a newer version; instances absent here are gone.
/// </summary>
public sealed record CaseFacts(CaseFact Case, IReadOnlyList<MilestoneFact> Milestones)
{
    public string CaseId => Case.CaseId;
    public long Version => Case.CaseVersion;

    /// <summary>Whether these facts say the same as <paramref name="other"/>, whatever versions they carry.</summary>
    public bool SameAs(CaseFacts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Case with { CaseVersion = 0 } != other.Case with { CaseVersion = 0 } || Milestones.Count != other.Milestones.Count)
        {
            return false;
        }
        for (var i = 0; i < Milestones.Count; i++)
        {
            if (Milestones[i] with { CaseVersion = 0 } != other.Milestones[i] with { CaseVersion = 0 })
            {
                return false;
            }
        }
        return true;
    }
}
