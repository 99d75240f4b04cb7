using SlaGrains.Domain.Processes;

namespace SlaGrains.Grains.Processes;

[GenerateSerializer, Alias("sla.process-state")]
public sealed class ProcessState
{
    /// <summary>Every version ever stored, oldest first; versions are never edited or removed, cases pin them.</summary>
    [Id(0)] public List<ProcessVersion> Versions { get; set; } = [];

    /// <summary>Deleted: reads answer as for an unknown process, but pinned versions still load.</summary>
    [Id(1)] public bool Deleted { get; set; }
}
