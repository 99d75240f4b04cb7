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

    /// <summary>
    /// Whether it ever admitted a case; if so it cannot be deleted. Set once, so admissions after the first write
    /// nothing more; the ledger cannot say, as it keeps no record for an unlimited entitlement.
    /// </summary>
    [Id(3)] public bool Admitted { get; set; }
}
