using System.Text.Json;
using System.Text.Json.Serialization;
using SlaGrains.Contracts.Serialization;
using SlaGrains.Domain.Cases;

namespace SlaGrains.Grains.Cases;

/// <summary>
/// How a case keeps an event in its stored log: the public JSON shape (so the log reads like the API's history),
/// without the nulls that an event's unused payload members would add to every entry.
/// </summary>
public static class StoredEvent
{
    private static readonly JsonSerializerOptions Options = new(SlaJson.Options) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static byte[] Encode(CaseEvent e) => JsonSerializer.SerializeToUtf8Bytes(e, Options);

    public static CaseEvent Decode(byte[] json) =>
        JsonSerializer.Deserialize<CaseEvent>(json, Options) ?? throw new JsonException("A stored case event is null.");
}
