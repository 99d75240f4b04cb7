using SlaGrains.Domain.Processes;

namespace SlaGrains.Contracts.Processes;

/// <summary>An entitlement process and all its versions, keyed by process id.</summary>
[Alias("sla.process")]
public interface IProcessGrain : IGrainWithStringKey
{
    /// <summary>Stores a new version when the definition differs from the latest; otherwise returns the latest unchanged.</summary>
    [Alias("put")]
    Task<WriteResult<ProcessVersion>> Put(ProcessDefinition definition);

    [Alias("latest")]
    Task<ProcessVersion?> GetLatest();

    [Alias("version")]
    Task<ProcessVersion?> GetVersion(int version);
}
