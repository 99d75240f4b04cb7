using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace SlaGrains.Contracts.Serialization;

/// <summary>
/// Instants as API.md writes them: ISO 8601 with any offset on the way in (<c>Z</c>, <c>+00:00</c>, <c>-05:00</c>),
/// always UTC with <c>Z</c> on the way out. NodaTime's own converter accepts only the <c>Z</c> form, which
/// integrations sending local offsets would trip over.
/// </summary>
public sealed class InstantJsonConverter : JsonConverter<Instant>
{
    private static readonly OffsetDateTimePattern Input = OffsetDateTimePattern.ExtendedIso;
    private static readonly InstantPattern Output = InstantPattern.ExtendedIso;

    public override Instant Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("Expected an ISO 8601 instant with an offset, like 2025-03-03T09:00:00Z, as a string.");
        }
        var text = reader.GetString()!;
        var parsed = Input.Parse(text);
        return parsed.Success
            ? parsed.Value.ToInstant()
            : throw new JsonException($"'{text}' is not an ISO 8601 instant with an offset, like 2025-03-03T09:00:00Z.");
    }

    public override void Write(Utf8JsonWriter writer, Instant value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(Output.Format(value));
    }
}
