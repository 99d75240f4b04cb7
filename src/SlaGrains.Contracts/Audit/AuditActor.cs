namespace SlaGrains.Contracts.Audit;

/// <summary>Who made a change: <c>user</c> (a person's key) or <c>integration</c> (a configured key), and its id.</summary>
[GenerateSerializer, Immutable, Alias("sla.audit-actor")]
public sealed record AuditActor(
    [property: Id(0)] string Kind,
    [property: Id(1)] string Id)
{
    public const string User = "user";
    public const string Integration = "integration";
}
