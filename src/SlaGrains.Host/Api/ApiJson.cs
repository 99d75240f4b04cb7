using System.Text.Json;
using System.Text.Json.Nodes;
using SlaGrains.Contracts.Serialization;

namespace SlaGrains.Host.Api;

/// <summary>Responses in the contract's JSON: a stored definition as it was written, plus the fields reads add.</summary>
public static class ApiJson
{
    /// <summary>
    /// 200 with <paramref name="value"/> as JSON. Serialized whole before it is sent, so the answer carries its
    /// Content-Length: ASP.NET Core's own JSON result streams it chunked, which costs Kestrel and every client a
    /// chunk framing per response on the busiest endpoint (the event's snapshot).
    /// </summary>
    public static JsonOk<T> Ok<T>(T value) => new(JsonSerializer.SerializeToUtf8Bytes(value, SlaJson.Options));

    /// <summary>200 with a stored definition as it was written, then the fields a read adds (<paramref name="read"/>).</summary>
    public static JsonOk<TRead> Stored<TDefinition, TRead>(TDefinition definition, TRead read) where TRead : IStoredRead<TDefinition> =>
        new(JsonSerializer.SerializeToUtf8Bytes(Merge(definition, read), SlaJson.Options));

    /// <summary>As <see cref="Stored{TDefinition, TRead}"/>, for a list.</summary>
    public static JsonOk<IReadOnlyList<TRead>> StoredList<TDefinition, TRead>(IEnumerable<(TDefinition Definition, TRead Read)> items)
        where TRead : IStoredRead<TDefinition> =>
        new(JsonSerializer.SerializeToUtf8Bytes(new JsonArray([.. items.Select(i => (JsonNode)Merge(i.Definition, i.Read))]), SlaJson.Options));

    /// <summary>The definition's own members, then the read's (ids, versions, statuses) after them.</summary>
    public static JsonObject Merge<TDefinition, TRead>(TDefinition definition, TRead read)
    {
        var node = JsonSerializer.SerializeToNode(definition, SlaJson.Options)!.AsObject();
        foreach (var (name, value) in JsonSerializer.SerializeToNode(read, SlaJson.Options)!.AsObject().ToList())
        {
            node[name] = value?.DeepClone();
        }
        return node;
    }
}
