using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SlaGrains.Host.Api.OpenApi;

/// <summary>
/// A read of a stored definition (<see cref="IStoredRead{TDefinition}"/>) is one JSON object: the definition's members,
/// then the read's. The schema says so as <c>allOf</c> the definition's schema and the read's own members, which
/// client generators turn into a type extending the definition's.
/// </summary>
public sealed class StoredReadSchemaTransformer : IOpenApiSchemaTransformer
{
    public async Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        var definition = context.JsonTypeInfo.Type.GetInterfaces()
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IStoredRead<>))?.GetGenericArguments()[0];
        if (definition is null)
        {
            return;
        }
        var own = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Properties = schema.Properties,
            Required = schema.Required,
        };
        schema.Type = null;
        schema.Properties = null;
        schema.Required = null;
        schema.AllOf = [await context.GetOrCreateSchemaAsync(definition, cancellationToken: cancellationToken), own];
    }
}
