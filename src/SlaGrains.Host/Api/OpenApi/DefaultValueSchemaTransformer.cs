using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using SlaGrains.Contracts.Serialization;

namespace SlaGrains.Host.Api.OpenApi;

/// <summary>
/// The defaults the server applies to members a body leaves out (a process is <c>active</c> unless it says otherwise,
/// it starts from <c>created</c>), read from a new instance of the type so they cannot drift from the code. Without
/// them a generated client would send its language's defaults (<c>false</c>, <c>null</c>) and mean something else.
/// </summary>
public sealed class DefaultValueSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        var type = context.JsonTypeInfo.Type;
        if (schema.Properties is not { Count: > 0 } properties || type.Namespace?.StartsWith("SlaGrains.", StringComparison.Ordinal) != true
            || type.IsAbstract || type.GetConstructor(Type.EmptyTypes) is null)
        {
            return Task.CompletedTask;
        }
        if (JsonSerializer.SerializeToNode(Activator.CreateInstance(type), type, SlaJson.Options) is not JsonObject values)
        {
            return Task.CompletedTask;
        }
        foreach (var (name, property) in properties)
        {
            // Primitive members only: an enum's or object's schema becomes a shared component, where a default would
            // speak for every use of it. False and zero are every language's default already.
            if (property is not OpenApiSchema { Enum: null or { Count: 0 } } primitive || schema.Required?.Contains(name) == true
                || values[name] is not JsonValue value)
            {
                continue;
            }
            var kind = value.GetValueKind();
            if (kind is JsonValueKind.True or JsonValueKind.String || (kind == JsonValueKind.Number && value.ToJsonString() != "0"))
            {
                primitive.Default = value.DeepClone();
            }
        }
        return Task.CompletedTask;
    }
}
