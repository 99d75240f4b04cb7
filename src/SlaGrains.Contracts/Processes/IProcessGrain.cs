using SlaGrains.Domain.Processes;

namespace SlaGrains.Contracts.Processes;

/// <summary>An entitlement process and all its versions, keyed by process id.</summary>
[Alias("sla.process")]
public interface IProcessGrain : IGrainWithStringKey
{
    /// <summary>Stores a new version when the definition differs from the latest; otherwise returns the latest unchanged.</summary>
    [Alias("put")]
    Task<WriteResult<ProcessVersion>> Put(ProcessDefinition definition);

    /// <summary>The latest version; null when there is none or the process was deleted.</summary>
    [Alias("latest")]
    Task<ProcessVersion?> GetLatest();

    /// <summary>Any stored version, a deleted process's too: cases stay pinned to theirs.</summary>
    [Alias("version")]
    Task<ProcessVersion?> GetVersion(int version);

    /// <summary>Every version, oldest first; none once deleted.</summary>
    [Alias("versions")]
    Task<IReadOnlyList<ProcessVersion>> Versions();

    /// <summary>
    /// Stores a new version, the latest with <c>active</c> set to <paramref name="active"/>; unchanged when it already
    /// is. Null value: no such process.
    /// </summary>
    [Alias("set-active")]
    Task<WriteResult<ProcessVersion>> SetActive(bool active);

    /// <summary>
    /// Deletes the process unless an entitlement grants it. Its versions are kept for the cases pinned to them; a
    /// later PUT starts it again at the next version number.
    /// </summary>
    [Alias("delete")]
    Task<DeleteResult> Delete();
}
