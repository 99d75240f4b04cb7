using System.Security.Claims;
using SlaGrains.Contracts.Audit;
using SlaGrains.Domain.Cases;
using SlaGrains.Host.Security;

namespace SlaGrains.Host.Audit;

/// <summary>
/// Who a caller is, for the audit trail: the same <see cref="Caller"/> that events record as their actor, a user with
/// a personal key (by user id) or an integration with a configured key (by the key's name).
/// </summary>
public static class AuditActors
{
    public static AuditActor Of(ClaimsPrincipal caller)
    {
        var who = Caller.From(caller);
        return new AuditActor(who.Kind == ActorKind.User ? AuditActor.User : AuditActor.Integration, who.Id);
    }
}
