using SlaGrains.Host.Hosting;

namespace SlaGrains.Host.Security;

/// <summary>
/// Browser protections on every answer: no framing (clickjacking), no MIME sniffing, no referrer, and a content
/// policy of this origin only (SignalR's WebSockets to the same origin are 'self'). ASP.NET Core has no middleware
/// for these headers, hence this one. The API reference page (Scalar) runs inline script and styles, so it alone
/// gets them; the Orleans operations dashboard sets inline styles and embeds its fonts as data: URLs, so it gets
/// those two, but no inline script.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public const string ApiReferencePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public const string ApiReferencePath = "/scalar";

    public const string OperationsDashboardPolicy =
        "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Set as the answer starts, so answers the exception handler rewrites (it clears headers) have them too.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            var path = context.Request.Path;
            headers.ContentSecurityPolicy = path.StartsWithSegments(ApiReferencePath, StringComparison.OrdinalIgnoreCase)
                ? ApiReferencePolicy
                : path.StartsWithSegments(OperationsDashboard.Path, StringComparison.OrdinalIgnoreCase)
                    ? OperationsDashboardPolicy
                    : ContentSecurityPolicy;
            headers.XFrameOptions = "DENY";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            return Task.CompletedTask;
        });
        return next(context);
    });
}
