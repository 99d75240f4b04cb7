using System.Security.Claims;
using SlaGrains.Contracts.Audit;

namespace SlaGrains.Host.Audit;

/// <summary>
/// Records an administrative change in the audit trail (docs/api.md, "Audit trail"), with the caller as its actor
/// (<see cref="AuditActors.Of"/>). Call it after the change is stored, with the resource as the API shows it before and
/// after (null when it did not exist or no longer does); an unchanged write records nothing.
/// </summary>
public interface IAuditLog
{
    Task Record(ClaimsPrincipal caller, string action, AuditResource resource, object? before, object? after);
}
