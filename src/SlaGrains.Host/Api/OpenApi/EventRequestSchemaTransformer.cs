using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SlaGrains.Host.Api.OpenApi;

/// <summary>
/// A case event's schema: <c>eventId</c> and <c>type</c> are required (EventRequest leaves every member optional in C#
/// so that a missing one is a 400 naming it, not a parse error), with an <c>opened</c> event as the example.
/// </summary>
public sealed class EventRequestSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        if (context.JsonTypeInfo.Type != typeof(EventRequest))
        {
            return Task.CompletedTask;
        }
        schema.Required ??= new HashSet<string>();
        schema.Required.Add("eventId");
        schema.Required.Add("type");
        schema.Description = "One thing that happened to a case (docs/api.md, \"Cases\"). caseId is for the batch endpoint only; "
            + "occurredAt defaults to the time of receipt.";
        schema.Examples = [JsonNode.Parse("""
            {
              "eventId": "evt-1",
              "type": "opened",
              "occurredAt": "2025-03-03T09:00:00Z",
              "case": { "accountId": "acme", "priority": "High", "queue": "support" }
            }
            """)!];
        return Task.CompletedTask;
    }
}
