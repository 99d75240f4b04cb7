namespace SlaGrains.Grains.Entitlements;

[GenerateSerializer, Alias("sla.account-state")]
public sealed class AccountState
{
    [Id(0)] public SortedSet<string> EntitlementIds { get; set; } = new(StringComparer.Ordinal);
}
