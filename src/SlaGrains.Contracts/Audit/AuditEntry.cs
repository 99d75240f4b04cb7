using NodaTime;

namespace SlaGrains.Contracts.Audit;

/// <summary>
/// One recorded change. <see cref="Before"/> and <see cref="After"/> are the resource's JSON as the API shows it
/// (secrets left out), kept as text so any kind of resource fits one record.
/// </summary>
[GenerateSerializer, Immutable, Alias("sla.audit-entry")]
public sealed record AuditEntry(
    [property: Id(0)] Instant At,
    [property: Id(1)] AuditActor Actor,
    [property: Id(2)] string Action,
    [property: Id(3)] AuditResource Resource,
    [property: Id(4)] string? Before,
    [property: Id(5)] string? After)
{
    public const string Created = "created";
    public const string Updated = "updated";
    public const string Deleted = "deleted";
    public const string Deactivated = "deactivated";
    public const string Activated = "activated";
    public const string KeyCreated = "keyCreated";
    public const string KeyRevoked = "keyRevoked";
    public const string CasesMoved = "casesMoved";
}
