using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using SlaGrains.Host.Live;
using SlaGrains.Host.Security;

namespace SlaGrains.Host.Api.OpenApi;

/// <summary>
/// How to authenticate (Security/ApiKeyAuthenticationHandler.cs): the key in <c>X-Api-Key</c> or as a bearer token, and
/// on the hub as <c>access_token</c> in the query. Each operation names the scope its key needs.
/// </summary>
public sealed class ApiKeySecurityTransformer : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string ApiKey = "apiKey";
    public const string Bearer = "bearer";
    public const string HubToken = "hubAccessToken";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiKey] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyAuthenticationHandler.Header,
            Description = "An API key with the operation's scope (events:write, read or admin).",
        };
        document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The same API key as a bearer token (Authorization: Bearer <key>).",
        };
        document.Components.SecuritySchemes[HubToken] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Query,
            Name = ApiKeyAuthenticationHandler.QueryParameter,
            Description = $"The SignalR hub at {SlaHub.Path} only: the API key (read scope) as access_token in the query, "
                + "where browsers' WebSockets cannot send headers.",
        };
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var authorize = context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().ToList();
        if (authorize.Count == 0)
        {
            return Task.CompletedTask;
        }
        // No policy named: any valid key will do (GET /api/v1/me).
        var scopes = authorize.Select(a => a.Policy).OfType<string>().Distinct().ToList();
        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKey, context.Document)] = scopes });
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, context.Document)] = scopes });
        var needs = scopes.Count == 0 ? "Needs any valid key." : $"Needs a key with the `{string.Join("` and `", scopes)}` scope.";
        operation.Description = string.IsNullOrEmpty(operation.Description) ? needs : $"{operation.Description}\n\n{needs}";
        return Task.CompletedTask;
    }
}
