using System.Text.Json;
using System.Text.Json.Nodes;
using SlaGrains.Contracts.Serialization;

namespace SlaGrains.Host.Api;

/// <summary>Responses in the contract's JSON: a stored definition as it was written, plus the fields reads add.</summary>
public static class ApiJson
{
    private const string ContentType = "application/json; charset=utf-8";

    /// <summary>
    /// 200 with <paramref name="value"/> as JSON. Serialized whole before it is sent, so the answer carries its
    /// Content-Length: ASP.NET Core's own JSON result streams it chunked, which costs Kestrel and every client a
    /// chunk framing per response on the busiest endpoint (the event's snapshot).
    /// </summary>
    public static IResult Ok(object? value) =>
        Results.Bytes(JsonSerializer.SerializeToUtf8Bytes(value, value?.GetType() ?? typeof(object), SlaJson.Options), ContentType);

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
