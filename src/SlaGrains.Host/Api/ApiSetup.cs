using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;
using Scalar.AspNetCore;
using SlaGrains.Grains.Telemetry;
using SlaGrains.Host.Api.OpenApi;
using SlaGrains.Host.Audit;
using SlaGrains.Host.Health;
using SlaGrains.Host.Hosting;
using SlaGrains.Host.Security;
using SlaGrains.Host.Storage;

namespace SlaGrains.Host.Api;

public static class ApiSetup
{
    /// <summary>Everything around the endpoints: problem details, limits, OpenAPI, health, metrics, webhook delivery.</summary>
    public static WebApplicationBuilder AddSlaApi(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<StorageUnavailableHandler>();
        // A query or route value that does not bind (limit=abc) throws in every environment, so the handler answers it
        // naming the parameter; otherwise Production would answer an empty 400.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Limits.MaxRequestBodySize = configuration.GetValue<long?>("Sla:MaxRequestBodyBytes") ?? 4 * 1024 * 1024);

        // One token bucket per API key: a noisy integration slows itself down, not everyone else.
        var permits = configuration.GetValue("Sla:RateLimit:PermitsPerSecond", 2000);
        var burst = configuration.GetValue("Sla:RateLimit:Burst", 4000);
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                RateLimitPartition.GetTokenBucketLimiter(
                    context.User.FindFirstValue(ClaimTypes.Name) ?? context.Connection.RemoteIpAddress?.ToString() ?? "anonymous",
                    _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = burst,
                        TokensPerPeriod = permits,
                        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                        QueueLimit = 0,
                    }));
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                }
                await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
                    detail: $"This API key may send {permits} requests per second (bursts of {burst}); slow down and retry.")
                    .ExecuteAsync(context.HttpContext);
            };
        });

        builder.Services.AddSlaOpenApi();
        builder.Services.AddSingleton<IAuditLog, AuditLog>();
        return builder;
    }

    /// <summary>What every role has: health checks (cluster, and PostgreSQL when used) and metrics.</summary>
    public static WebApplicationBuilder AddSlaOperations(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Logging.AddSampler<OutageLogSampler>();
        var health = builder.Services.AddHealthChecks().AddCheck<ClusterHealthCheck>("cluster", tags: ["ready"]);
        if (SlaStorage.PostgresConnectionString(builder.Configuration) is { } postgres)
        {
            health.AddCheck("postgres", new PostgresHealthCheck(postgres), tags: ["ready"]);
        }

        // Metrics go out over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set, and stay in-process otherwise. ASP.NET
        // Core's meters count every request by route and status, and every exception the API handled by type: the
        // logs leave out all but a few of an outage's 503s (StorageUnavailableHandler), the metrics count each.
        var metrics = builder.Services.AddOpenTelemetry().WithMetrics(m => m.AddMeter(
            SlaMetrics.MeterName, "Microsoft.Orleans", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Diagnostics"));
        if (!string.IsNullOrEmpty(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            metrics.WithMetrics(m => m.AddOtlpExporter());
        }
        return builder;
    }

    public static WebApplication MapSlaOperations(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        return app;
    }

    public static WebApplication MapSlaApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();

        // The dashboard (built from dashboard/ into wwwroot) is public; it asks for a key and uses it on the hub and API.
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();

        // The reference is public where a setting (on in Development) says so; otherwise the document needs a key with
        // read, and the browser page, which cannot send one, is not served.
        if (app.Configuration.GetValue("Sla:OpenApi:Public", app.Environment.IsDevelopment()))
        {
            app.MapOpenApi();
            // The page loads nothing from elsewhere: the security headers allow this origin only.
            app.MapScalarApiReference(o =>
            {
                o.DefaultFonts = false;
                o.Telemetry = false;
            });
        }
        else
        {
            app.MapOpenApi().RequireAuthorization(Scopes.Read);
        }

        app.MapCalendarsApi().ValidatePathIds().ProducesCommonProblems();
        app.MapProcessesApi().ValidatePathIds().ProducesCommonProblems();
        app.MapEntitlementsApi().ValidatePathIds().ProducesCommonProblems();
        app.MapCasesApi().ValidatePathIds().ProducesCommonProblems();
        app.MapWebhooksApi().ValidatePathIds().ProducesCommonProblems();
        app.MapAuditApi().ProducesCommonProblems();
        app.MapEmailsApi().ValidatePathIds().ProducesCommonProblems();
        app.MapUsersApi().ValidatePathIds().ProducesCommonProblems();
        app.MapMeApi().ProducesCommonProblems();
        app.MapCaseListApi().ProducesCommonProblems();
        app.MapReportsApi().ProducesCommonProblems();
        return app;
    }
}
