using System.Text.Json;
using System.Text.Json.Nodes;
using SlaGrains.Contracts.Serialization;

namespace SlaGrains.Host.Api;

/// <summary>Responses in the contract's JSON: a stored definition as it was written, plus the fields reads add.</summary>
public static class ApiJson
{
    public static IResult Ok(object? value) => Results.Json(value, SlaJson.Options);

    /// <summary>The definition's own members, then <paramref name="fields"/> (ids, versions, statuses) after them.</summary>
    public static JsonObject With<T>(T definition, params (string Name, object? Value)[] fields)
    {
        var node = JsonSerializer.SerializeToNode(definition, SlaJson.Options)!.AsObject();
        foreach (var (name, value) in fields)
        {
            node[name] = JsonSerializer.SerializeToNode(value, SlaJson.Options);
        }
        return node;
    }
}
