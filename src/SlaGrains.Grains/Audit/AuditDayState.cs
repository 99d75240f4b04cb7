using SlaGrains.Contracts.Audit;

namespace SlaGrains.Grains.Audit;

[GenerateSerializer, Alias("sla.audit-day-state")]
public sealed class AuditDayState
{
    [Id(0)] public List<AuditEntry> Entries { get; set; } = [];
}
