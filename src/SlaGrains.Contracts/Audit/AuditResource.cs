namespace SlaGrains.Contracts.Audit;

/// <summary>What a change touched: its kind (<c>calendar</c>, <c>process</c>, ...), id and, for versioned kinds, version.</summary>
[GenerateSerializer, Immutable, Alias("sla.audit-resource")]
public sealed record AuditResource(
    [property: Id(0)] string Kind,
    [property: Id(1)] string Id,
    [property: Id(2)] int? Version = null)
{
    public const string Calendar = "calendar";
    public const string Process = "process";
    public const string Entitlement = "entitlement";
    public const string Webhook = "webhook";
}
