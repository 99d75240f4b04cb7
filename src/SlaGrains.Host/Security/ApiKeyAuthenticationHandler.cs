using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using SlaGrains.Contracts.People;
using SlaGrains.Domain.Cases;
using SlaGrains.Host.Hosting;
using SlaGrains.Host.Live;

namespace SlaGrains.Host.Security;

/// <summary>
/// Authenticates <c>X-Api-Key</c> (or <c>Authorization: Bearer</c>; on the hub also <c>access_token</c> in the query,
/// where browsers cannot set headers) against the configured keys (integrations) and the users' personal keys. A query string ends up in proxies' logs, so no
/// other route reads it. The operations dashboard is a page a browser opens, which cannot set a header either: there
/// the key is also the password of HTTP Basic credentials, which its 401 asks the browser for (any user name). An
/// address that presented too many wrong keys is refused before its key is compared. Keys are never logged; names are.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyRing keys,
    GrainReferences grains,
    FailedKeyLimiter failures) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";
    public const string QueryParameter = "access_token";
    public const string ScopeClaim = "scope";

    private TimeSpan? _blockedFor;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Presented();
        if (string.IsNullOrEmpty(presented))
        {
            return AuthenticateResult.NoResult();
        }
        var address = Context.Connection.RemoteIpAddress;
        if (failures.IsBlocked(address, out var retryAfter))
        {
            _blockedFor = retryAfter;
            return AuthenticateResult.Fail("Too many wrong API keys from this address.");
        }
        IEnumerable<Claim>? claims = null;
        if (UserKeys.KeyIdOf(presented) is { } keyId)
        {
            // Asked on every request, not cached: the user's grain is the one place a revocation is known at once.
            if (await grains.Get<IUserKeyGrain>(keyId).Authenticate(UserKeys.Hash(presented)) is { } holder)
            {
                claims = Caller.ClaimsOf(ActorKind.User, holder.UserId, holder.Name, holder.Role, holder.Queues, RoleScopes.Of(holder.Role), holder.KeyId);
            }
        }
        else if (keys.Find(presented) is { } key)
        {
            claims = Caller.ClaimsOf(ActorKind.Integration, key.Name, key.Name, null, [], key.Scopes, null);
        }
        if (claims is null)
        {
            failures.Failed(address);
            return AuthenticateResult.Fail("Unknown, revoked or expired API key.");
        }
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    private string? Presented()
    {
        string? header = Request.Headers[Header];
        if (!string.IsNullOrEmpty(header))
        {
            return header;
        }
        var authorization = Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization[7..].Trim();
        }
        if (authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase) && IsOperationsDashboard)
        {
            return BasicPassword(authorization[6..].Trim());
        }
        return Request.Path.StartsWithSegments(SlaHub.Path, StringComparison.OrdinalIgnoreCase) ? Request.Query[QueryParameter].ToString() : null;
    }

    private bool IsOperationsDashboard => Request.Path.StartsWithSegments(OperationsDashboard.Path, StringComparison.OrdinalIgnoreCase);

    private static string? BasicPassword(string encoded)
    {
        var bytes = new byte[encoded.Length];
        if (!Convert.TryFromBase64String(encoded, bytes, out var length))
        {
            return null;
        }
        var credentials = Encoding.UTF8.GetString(bytes, 0, length);
        var colon = credentials.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? null : credentials[(colon + 1)..];
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (_blockedFor is { } retryAfter)
        {
            Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            return Problem(StatusCodes.Status429TooManyRequests, "Too many wrong API keys",
                $"This address presented {failures.Limit} wrong keys within {failures.Window.TotalSeconds:0} s " +
                $"({FailedKeyOptions.Section}:Limit, Window); retry after {Math.Ceiling(retryAfter.TotalSeconds):0} s.");
        }
        if (IsOperationsDashboard)
        {
            Response.Headers.WWWAuthenticate = "Basic realm=\"SlaGrains operations\", charset=\"UTF-8\"";
        }
        return Problem(StatusCodes.Status401Unauthorized, "A valid API key is required",
            $"Send a valid key (not revoked or expired, of an active user) in the {Header} header (on the hub, also as {QueryParameter} in the query; on {OperationsDashboard.Path}, " +
            "also as the password of Basic credentials).");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problem(StatusCodes.Status403Forbidden, "The API key lacks the scope this endpoint needs",
            Scopes.NeededBy(Context));

    private Task Problem(int status, string title, string detail) =>
        Results.Problem(statusCode: status, title: title, detail: detail).ExecuteAsync(Context);
}
