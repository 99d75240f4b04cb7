using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace SlaGrains.Contracts.Serialization;

/// <summary>
/// Instants as docs/api.md writes them: ISO 8601 with any offset on the way in (<c>Z</c>, <c>+00:00</c>, <c>-05:00</c>),
/// always UTC with <c>Z</c> on the way out. NodaTime's own converter accepts only the <c>Z</c> form, which
/// integrations sending local offsets would trip over.
/// </summary>
/// <remarks>
/// Writing goes through System.Text.Json's own ISO 8601 writer for every instant a <see cref="DateTime"/> holds
/// exactly: it writes the same text as NodaTime's extended ISO pattern (trailing fraction zeros trimmed, <c>Z</c>)
/// without allocating, where the pattern builds a string through a StringBuilder. A case snapshot carries dozens of
/// instants and is written on every event (figures: docs/benchmarks.md).
/// The rest (nanoseconds finer than a tick, years outside 1–9999) still goes through NodaTime.
/// </remarks>
public sealed class InstantJsonConverter : JsonConverter<Instant>
{
    private static readonly OffsetDateTimePattern Input = OffsetDateTimePattern.ExtendedIso;
    private static readonly InstantPattern Output = InstantPattern.ExtendedIso;
    private static readonly Instant DateTimeMin = Instant.FromDateTimeUtc(DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc));
    private static readonly Instant DateTimeMax = Instant.FromDateTimeUtc(DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc));

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
        if (value >= DateTimeMin && value <= DateTimeMax && Instant.FromUnixTimeTicks(value.ToUnixTimeTicks()) == value)
        {
            writer.WriteStringValue(value.ToDateTimeUtc());
        }
        else
        {
            writer.WriteStringValue(Output.Format(value));
        }
    }
}
