using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;
using SlaGrains.Contracts.Serialization;
using SlaGrains.Domain.Cases;

namespace SlaGrains.Grains.Cases;

/// <summary>
/// How a case keeps its events in its stored log: JSON Lines, one event per line in the public JSON shape (so the log
/// reads like the API's history), without the nulls an event's unused payload members would add to every entry.
/// Compact JSON escapes every control character inside strings, so a raw newline only ever ends an entry.
/// </summary>
public static class StoredEvent
{
    private static readonly JsonSerializerOptions Options = new(SlaJson.Options) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = Options.Encoder };

    /// <summary>Writes <paramref name="e"/> as one line at the end of <paramref name="log"/>.</summary>
    public static void Append(IBufferWriter<byte> log, CaseEvent e)
    {
        using (var writer = new Utf8JsonWriter(log, WriterOptions))
        {
            JsonSerializer.Serialize(writer, e, Options);
        }
        log.Write("\n"u8);
    }

    /// <summary>The start of <paramref name="log"/> that holds its first <paramref name="count"/> events.</summary>
    public static ReadOnlyMemory<byte> FirstLines(ReadOnlyMemory<byte> log, int count)
    {
        var length = 0;
        for (var i = 0; i < count; i++)
        {
            var end = log.Span[length..].IndexOf((byte)'\n');
            if (end < 0)
            {
                throw new InvalidDataException($"The stored log holds {i} events where {count} were recorded.");
            }
            length += end + 1;
        }
        return log[..length];
    }

    /// <summary>The events of a log written by <see cref="Append"/>, in the order they were appended.</summary>
    public static List<CaseEvent> ReadAll(ReadOnlyMemory<byte> log)
    {
        var events = new List<CaseEvent>();
        var rest = log.Span;
        while (!rest.IsEmpty)
        {
            var end = rest.IndexOf((byte)'\n');
            var line = end < 0 ? rest : rest[..end];
            events.Add(JsonSerializer.Deserialize<CaseEvent>(line, Options) ?? throw new JsonException("A stored case event is null."));
            rest = end < 0 ? [] : rest[(end + 1)..];
        }
        return events;
    }
}
