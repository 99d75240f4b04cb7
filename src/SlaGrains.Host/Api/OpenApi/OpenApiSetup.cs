using System.Text.Json.Serialization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using SlaGrains.Contracts.Serialization;

namespace SlaGrains.Host.Api.OpenApi;

/// <summary>
/// The OpenAPI document at <c>/openapi/v1.json</c>: the API under <c>/api/v1</c> as it is on the wire, so that client
/// generators (tools/SlaGrains.ClientGen) produce a typed client from it.
/// </summary>
public static class OpenApiSetup
{
    public static IServiceCollection AddSlaOpenApi(this IServiceCollection services)
    {
        // The schema generator reads the HTTP JSON options, not SlaJson: give it the contract's enum and NodaTime
        // converters so enums are described as the strings they are on the wire. Responses are still written with
        // SlaJson (ApiJson); only problem details go out with these options, and they hold neither.
        services.ConfigureHttpJsonOptions(o =>
        {
            foreach (var converter in SlaJson.Options.Converters)
            {
                o.SerializerOptions.Converters.Add(converter);
            }
            // Numbers are numbers: the web default would describe every integer as "integer or string".
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        services.AddOpenApi(options =>
        {
            // The API only: the operations dashboard (/ops) and the benchmark endpoint are not part of the contract.
            options.ShouldInclude = d => d.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "SlaGrains API",
                    Version = "v1",
                    Description = "Real-time SLA tracking for support cases: calendars, entitlement processes, entitlements, "
                        + "case events and snapshots, queues, webhooks and SLA reports. Errors are RFC 7807 problem details (application/problem+json) "
                        + "naming the field. See docs/api.md.",
                };
                // No servers: the document would otherwise name whichever address it was fetched from, and a client
                // generated from it would carry that address.
                document.Servers = [];
                return Task.CompletedTask;
            });
            options.AddDocumentTransformer<ApiKeySecurityTransformer>();
            options.AddOperationTransformer<ApiKeySecurityTransformer>();
            options.AddOperationTransformer<CsvResponseTransformer>();
            options.AddSchemaTransformer<NodaTimeSchemaTransformer>();
            options.AddSchemaTransformer<EnumSchemaTransformer>();
            options.AddSchemaTransformer<DefaultValueSchemaTransformer>();
            options.AddSchemaTransformer<StoredReadSchemaTransformer>();
            options.AddSchemaTransformer<EventRequestSchemaTransformer>();
        });
        return services;
    }
}
