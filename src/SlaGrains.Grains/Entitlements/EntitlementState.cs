using NodaTime;
using SlaGrains.Domain.Entitlements;

namespace SlaGrains.Grains.Entitlements;

[GenerateSerializer, Alias("sla.entitlement-state")]
public sealed class EntitlementState
{
    [Id(0)] public EntitlementDefinition? Definition { get; set; }

    /// <summary>The cases admitted so far; kept across edits of the definition, so raising the cap never recounts.</summary>
    [Id(1)] public PerIncidentLedger Ledger { get; set; } = PerIncidentLedger.For(null);

    [Id(2)] public Instant UpdatedAt { get; set; }
}
