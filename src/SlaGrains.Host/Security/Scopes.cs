using Microsoft.AspNetCore.Authorization;

namespace SlaGrains.Host.Security;

/// <summary>The scopes of docs/api.md; each is also the name of the authorization policy that demands it.</summary>
public static class Scopes
{
    public const string EventsWrite = "events:write";
    public const string Read = "read";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [EventsWrite, Read, Admin];

    /// <summary>What a 403 says: the scope the endpoint of <paramref name="context"/> demands, read from its authorization policies.</summary>
    public static string NeededBy(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var policies = context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>() ?? [];
        var needed = policies.Select(p => p.Policy).OfType<string>().Where(All.Contains).Distinct().ToList();
        return needed.Count switch
        {
            0 => $"This endpoint needs one of the scopes {string.Join(", ", All)}.",
            1 => $"This endpoint needs the {needed[0]} scope: ask for a key that has it.",
            _ => $"This endpoint needs the {string.Join(" and ", needed)} scopes: ask for a key that has them.",
        };
    }
}
