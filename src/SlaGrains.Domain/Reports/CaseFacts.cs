namespace SlaGrains.Domain.Reports;

/// <summary>
/// Everything reports know of one case at one version: its case fact and every milestone instance it has. A store
/// replaces the case's facts with these unless it holds a newer version; instances absent here are gone.
/// </summary>
public sealed record CaseFacts(CaseFact Case, IReadOnlyList<MilestoneFact> Milestones)
{
    public string CaseId => Case.CaseId;
    public long Version => Case.CaseVersion;
}
