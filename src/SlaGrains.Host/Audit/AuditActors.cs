using System.Security.Claims;
using SlaGrains.Contracts.Audit;

namespace SlaGrains.Host.Audit;

/// <summary>
/// Who a caller is, for the audit trail: an authentication handler that knows better (a person's key) adds
/// <see cref="KindClaim"/> and <see cref="IdClaim"/>; otherwise the caller is the configured key it presented, an
/// integration named by the key's name.
/// </summary>
public static class AuditActors
{
    public const string KindClaim = "sla:actor-kind";
    public const string IdClaim = "sla:actor-id";

    public static AuditActor Of(ClaimsPrincipal caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var kind = caller.FindFirstValue(KindClaim) ?? AuditActor.Integration;
        var id = caller.FindFirstValue(IdClaim) ?? caller.FindFirstValue(ClaimTypes.Name) ?? "anonymous";
        return new AuditActor(kind, id);
    }
}
