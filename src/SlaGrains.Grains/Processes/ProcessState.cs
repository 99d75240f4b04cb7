using SlaGrains.Domain.Processes;

namespace SlaGrains.Grains.Processes;

[GenerateSerializer, Alias("sla.process-state")]
public sealed class ProcessState
{
    /// <summary>Every version ever stored, oldest first; versions are never edited or removed, cases pin them.</summary>
    [Id(0)] public List<ProcessVersion> Versions { get; set; } = [];
}
