using System.Security.Claims;
using SlaGrains.Domain.Cases;
using SlaGrains.Domain.People;

namespace SlaGrains.Host.Security;

/// <summary>
/// Who sent a request, from the claims <see cref="ApiKeyAuthenticationHandler"/> set: a user with a personal key, or
/// an integration with a configured key (its name is its id).
/// </summary>
public sealed record Caller(ActorKind Kind, string Id, string Name, UserRole? Role, IReadOnlyList<string> Queues, IReadOnlyList<string> Scopes, string? KeyId)
{
    public const string KindClaim = "actor_kind";
    public const string IdClaim = "actor_id";
    public const string RoleClaim = "role";
    public const string QueueClaim = "queue";
    public const string KeyIdClaim = "key_id";
    public const string DisplayNameClaim = "display_name";

    public EventActor Actor => new(Kind, Id);

    /// <summary>Agents list their own cases and their queues'; supervisors, admins and integrations list every case.</summary>
    public bool SeesAllCases => Role is not UserRole.Agent;

    public static Caller From(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var kind = user.FindFirstValue(KindClaim) == nameof(ActorKind.User) ? ActorKind.User : ActorKind.Integration;
        var name = user.FindFirstValue(DisplayNameClaim) ?? user.FindFirstValue(ClaimTypes.Name) ?? "";
        return new Caller(
            kind,
            user.FindFirstValue(IdClaim) ?? name,
            name,
            Enum.TryParse<UserRole>(user.FindFirstValue(RoleClaim), out var role) ? role : null,
            [.. user.FindAll(QueueClaim).Select(c => c.Value)],
            [.. user.FindAll(ApiKeyAuthenticationHandler.ScopeClaim).Select(c => c.Value)],
            user.FindFirstValue(KeyIdClaim));
    }

    public static IEnumerable<Claim> ClaimsOf(ActorKind kind, string id, string name, UserRole? role, IEnumerable<string> queues, IEnumerable<string> scopes, string? keyId)
    {
        yield return new Claim(KindClaim, kind.ToString());
        yield return new Claim(IdClaim, id);
        // The rate limiter's partition: users by id, so one person's two keys share a bucket; integrations by key name.
        yield return new Claim(ClaimTypes.Name, kind == ActorKind.User ? $"user:{id}" : name);
        yield return new Claim(DisplayNameClaim, name);
        if (role is { } r)
        {
            yield return new Claim(RoleClaim, r.ToString());
        }
        if (keyId is not null)
        {
            yield return new Claim(KeyIdClaim, keyId);
        }
        foreach (var queue in queues)
        {
            yield return new Claim(QueueClaim, queue);
        }
        foreach (var scope in scopes)
        {
            yield return new Claim(ApiKeyAuthenticationHandler.ScopeClaim, scope);
        }
    }
}
