using SlaGrains.Domain.People;

namespace SlaGrains.Host.Security;

/// <summary>
/// What each role may do (docs/api.md, "People"). Agents and supervisors read and post case events; only admins write
/// definitions, users and keys. Who sees which cases in listings is <see cref="Caller.SeesAllCases"/>.
/// </summary>
public static class RoleScopes
{
    public static IReadOnlyList<string> Of(UserRole role) => role switch
    {
        UserRole.Admin => [Scopes.Admin, Scopes.Read, Scopes.EventsWrite],
        _ => [Scopes.Read, Scopes.EventsWrite],
    };
}
