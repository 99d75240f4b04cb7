using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using SlaGrains.Domain.Cases;
using SlaGrains.Domain.People;
using SlaGrains.Host.Live;

namespace SlaGrains.Host.Security;

/// <summary>
/// JWT bearer tokens (ASP.NET Core's JwtBearer handler) beside API keys when <c>Sla:Oidc:Authority</c> is set: a
/// bearer value shaped like a JWT goes to the JWT handler, anything else to the key handler. A valid token becomes the
/// same claims a personal key gives (<see cref="Caller"/>), with the role from the configured claim.
/// </summary>
public static class OidcSetup
{
    public const string SchemeName = "Oidc";
    public const string SelectorScheme = "KeyOrToken";

    /// <summary>Adds the JWT scheme and makes the selector the default; false (nothing added) when no authority is set.</summary>
    public static bool AddSlaOidc(this AuthenticationBuilder authentication, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(authentication);
        var oidc = configuration.GetSection(OidcOptions.Section).Get<OidcOptions>();
        if (string.IsNullOrWhiteSpace(oidc?.Authority))
        {
            return false;
        }
        authentication.AddJwtBearer(SchemeName, o =>
        {
            o.Authority = oidc.Authority;
            o.Audience = oidc.Audience;
            o.MapInboundClaims = false; // keep the token's claim names, which the options name
            o.Events = new JwtBearerEvents
            {
                OnMessageReceived = context =>
                {
                    // Browsers' WebSockets cannot send headers: on the hub only, the token may come as access_token.
                    if (context.Request.Path.StartsWithSegments(SlaHub.Path, StringComparison.OrdinalIgnoreCase) &&
                        context.Request.Query[ApiKeyAuthenticationHandler.QueryParameter].ToString() is { Length: > 0 } token && IsJwt(token))
                    {
                        context.Token = token;
                    }
                    return Task.CompletedTask;
                },
                // Answers in problem details, as the key handler's do; the JWT handler's own are bodiless.
                OnChallenge = async context =>
                {
                    context.HandleResponse();
                    context.Response.Headers.WWWAuthenticate = "Bearer";
                    await Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "A valid token is required",
                        detail: "The bearer token is missing, expired, not signed by the configured authority, or without a SlaGrains role.")
                        .ExecuteAsync(context.HttpContext);
                },
                OnForbidden = context => Results.Problem(statusCode: StatusCodes.Status403Forbidden,
                    title: "The token's role lacks the scope this endpoint needs",
                    detail: $"{Scopes.NeededBy(context.HttpContext)} Roles give scopes as docs/api.md (People) says.")
                    .ExecuteAsync(context.HttpContext),
                OnTokenValidated = context =>
                {
                    var token = context.Principal!;
                    if (!Enum.TryParse<UserRole>(token.FindFirstValue(oidc.RoleClaim), ignoreCase: true, out var role) ||
                        !Enum.IsDefined(role) || int.TryParse(token.FindFirstValue(oidc.RoleClaim), out _))
                    {
                        context.Fail($"The token has no SlaGrains role in its '{oidc.RoleClaim}' claim (agent, supervisor or admin).");
                        return Task.CompletedTask;
                    }
                    var userId = token.FindFirstValue(oidc.UserIdClaim);
                    if (string.IsNullOrEmpty(userId))
                    {
                        context.Fail($"The token has no '{oidc.UserIdClaim}' claim to name its user.");
                        return Task.CompletedTask;
                    }
                    var claims = Caller.ClaimsOf(ActorKind.User, userId, token.FindFirstValue(oidc.NameClaim) ?? userId, role,
                        token.FindAll(oidc.QueuesClaim).Select(c => c.Value), RoleScopes.Of(role), keyId: null);
                    context.Principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
                    return Task.CompletedTask;
                },
            };
        });
        authentication.AddPolicyScheme(SelectorScheme, "API key or bearer token", o => o.ForwardDefaultSelector = context =>
        {
            var authorization = context.Request.Headers.Authorization.ToString();
            var bearer = authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : null;
            var hubToken = context.Request.Path.StartsWithSegments(SlaHub.Path, StringComparison.OrdinalIgnoreCase)
                ? context.Request.Query[ApiKeyAuthenticationHandler.QueryParameter].ToString()
                : null;
            return string.IsNullOrEmpty(context.Request.Headers[ApiKeyAuthenticationHandler.Header]) &&
                   (IsJwt(bearer) || (string.IsNullOrEmpty(bearer) && IsJwt(hubToken)))
                ? SchemeName
                : ApiKeyAuthenticationHandler.SchemeName;
        });
        return true;
    }

    /// <summary>Three base64url parts joined by dots: a JWS. No API key has that shape (keys have no dots).</summary>
    private static bool IsJwt(string? value) =>
        !string.IsNullOrEmpty(value) && value.Count(c => c == '.') == 2 && !value.StartsWith(UserKeys.Prefix, StringComparison.Ordinal);
}
