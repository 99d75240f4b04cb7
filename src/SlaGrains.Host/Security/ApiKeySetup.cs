using Microsoft.AspNetCore.Authentication;

namespace SlaGrains.Host.Security;

public static partial class ApiKeySetup
{
    /// <summary>
    /// API keys with scopes as docs/api.md says: in Development a <c>dev-admin-key</c> with every scope is added; outside it,
    /// the host refuses to start without configured keys.
    /// </summary>
    public static WebApplicationBuilder AddSlaApiKeys(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configured = builder.Configuration.GetSection(ApiKeyOptions.Section).Get<ApiKeyOptions>()?.ApiKeys ?? [];
        var isDevelopment = builder.Environment.IsDevelopment();
        if (!isDevelopment && configured.Count == 0)
        {
            throw new InvalidOperationException(
                "No API keys configured. Outside Development SlaGrains needs Sla:ApiKeys " +
                "(for example Sla__ApiKeys__0__Name, Sla__ApiKeys__0__Key or Sla__ApiKeys__0__KeyHash, Sla__ApiKeys__0__Scopes__0).");
        }
        foreach (var key in configured)
        {
            if (key.Problem() is { } problem)
            {
                throw new InvalidOperationException(
                    $"API key '{key.Name}' is invalid: {problem}. Each key needs a name, a Key of at least {ApiKey.MinimumLength} " +
                    $"characters or the KeyHash of one (SHA-256 in hex), and scopes among {string.Join(", ", Scopes.All)}.");
            }
        }

        builder.Services.Configure<ApiKeyOptions>(options =>
        {
            options.ApiKeys = [.. configured];
            if (isDevelopment)
            {
                options.ApiKeys.Add(new ApiKey { Name = "development", Key = ApiKeyOptions.DevelopmentKey, Scopes = [.. Scopes.All] });
            }
        });
        builder.Services.AddSingleton<ApiKeyRing>();
        builder.Services.AddOptions<FailedKeyOptions>().Bind(builder.Configuration.GetSection(FailedKeyOptions.Section))
            .Validate(o => o.Limit >= 1 && o.Window > TimeSpan.Zero, $"{FailedKeyOptions.Section}: Limit must be at least 1 and Window positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton<FailedKeyLimiter>();
        var authentication = builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        if (authentication.AddSlaOidc(builder.Configuration))
        {
            builder.Services.Configure<AuthenticationOptions>(o => o.DefaultScheme = OidcSetup.SelectorScheme);
        }
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Scopes.EventsWrite, p => p.RequireClaim(ApiKeyAuthenticationHandler.ScopeClaim, Scopes.EventsWrite))
            .AddPolicy(Scopes.Read, p => p.RequireClaim(ApiKeyAuthenticationHandler.ScopeClaim, Scopes.Read))
            .AddPolicy(Scopes.Admin, p => p.RequireClaim(ApiKeyAuthenticationHandler.ScopeClaim, Scopes.Admin));
        if (isDevelopment)
        {
            builder.Services.AddHostedService<DevelopmentKeyNotice>();
        }
        return builder;
    }

    private sealed partial class DevelopmentKeyNotice(ILogger<DevelopmentKeyNotice> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            LogDevelopmentKey(ApiKeyOptions.DevelopmentKey, ApiKeyAuthenticationHandler.Header);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        [LoggerMessage(Level = LogLevel.Warning, Message = "Development environment: the API key '{Key}' has every scope (send it as {Header}). It does not exist outside Development.")]
        private partial void LogDevelopmentKey(string key, string header);
    }
}
