using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using NodaTime;

namespace SlaGrains.Host.Api.OpenApi;

/// <summary>
/// NodaTime values as the contract writes them (SlaJson): an <see cref="Instant"/> is an ISO 8601 string with an
/// offset, a <see cref="LocalDate"/> an ISO date. Their JSON converters hide that from the schema generator, which
/// would otherwise describe their .NET members.
/// </summary>
public sealed class NodaTimeSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        var type = context.JsonTypeInfo.Type;
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(Instant))
        {
            Describe(schema, "date-time", "2025-03-03T09:00:00Z",
                "An instant, ISO 8601 with an offset (any offset is accepted; answers use UTC with Z).");
        }
        else if (type == typeof(LocalDate))
        {
            Describe(schema, "date", "2025-03-03", "A calendar date, ISO 8601 (yyyy-MM-dd).");
        }
        return Task.CompletedTask;
    }

    /// <remarks>
    /// Never nullable: the schema becomes one component every property shares, and a nullable property already wraps
    /// its reference in a <c>oneOf</c> with null. Marking it here would make every instant nullable whenever a nullable
    /// one happens to be described first.
    /// </remarks>
    private static void Describe(OpenApiSchema schema, string format, string example, string description)
    {
        schema.Type = JsonSchemaType.String;
        schema.Format = format;
        schema.Properties?.Clear();
        schema.Required?.Clear();
        schema.AdditionalProperties = null;
        schema.Examples = [JsonValue.Create(example)];
        schema.Description ??= description;
    }
}
