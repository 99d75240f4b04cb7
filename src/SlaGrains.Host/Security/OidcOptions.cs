namespace SlaGrains.Host.Security;

/// <summary>
/// Single sign-on (<c>Sla:Oidc</c>): bearer JWTs from an OpenID Connect authority, beside API keys. Off unless
/// <see cref="Authority"/> is set. The token's user is the actor; its role comes from <see cref="RoleClaim"/>.
/// </summary>
public sealed class OidcOptions
{
    public const string Section = "Sla:Oidc";

    /// <summary>The issuer whose discovery document and signing keys validate tokens (https://login.example.com/tenant).</summary>
    public string? Authority { get; set; }

    /// <summary>The audience tokens must be issued for (the API's client id or URI).</summary>
    public string? Audience { get; set; }

    /// <summary>The claim naming the SlaGrains role: agent, supervisor or admin. A token without one is refused.</summary>
    public string RoleClaim { get; set; } = "sla_role";

    public string UserIdClaim { get; set; } = "sub";
    public string NameClaim { get; set; } = "name";

    /// <summary>The claim listing an agent's queues (one claim per queue, or a JSON array).</summary>
    public string QueuesClaim { get; set; } = "sla_queues";
}
