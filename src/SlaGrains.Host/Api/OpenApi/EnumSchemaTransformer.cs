using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SlaGrains.Host.Api.OpenApi;

/// <summary>
/// Enums are strings on the wire (SlaJson). The generator shares one component per enum between its nullable and
/// non-null uses and can leave a <c>null</c> among the component's values; nullable uses already say so beside the
/// reference, so the component lists the names only.
/// </summary>
public sealed class EnumSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (type.IsEnum && schema.Enum is { Count: > 0 } values)
        {
            schema.Enum = [.. values.Where(v => v is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.String)];
            schema.Type = JsonSchemaType.String;
        }
        return Task.CompletedTask;
    }
}
