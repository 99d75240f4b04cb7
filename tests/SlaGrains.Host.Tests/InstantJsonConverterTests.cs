using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using SlaGrains.Contracts.Serialization;

namespace SlaGrains.Host.Tests;

/// <summary>Instants as the API and stored records write them: NodaTime's extended ISO text, whichever writer makes it.</summary>
public sealed class InstantJsonConverterTests
{
    public static TheoryData<string> Edges => new()
    {
        "2026-11-24T03:47:00Z",
        "2026-11-24T03:47:05.12Z",
        "2026-01-02T03:04:05.0000001Z", // one tick
        "2026-01-02T03:04:05.000000001Z", // finer than a tick
        "2026-01-02T03:04:05.123456789Z",
        "2024-02-29T23:59:59.9999999Z",
        "0001-01-01T00:00:00Z", // DateTime's first instant
        "9999-12-31T23:59:59.9999999Z", // and its last
        "9999-12-31T23:59:59.999999999Z", // past DateTime's range
        "0999-03-04T00:00:00Z",
        "-0001-06-01T12:00:00Z", // before year 1
    };

    [Theory]
    [MemberData(nameof(Edges))]
    public void An_instant_is_written_as_NodaTime_formats_it_and_reads_back_unchanged(string text)
    {
        var instant = InstantPattern.ExtendedIso.Parse(text).GetValueOrThrow();

        var json = JsonSerializer.Serialize(instant, SlaJson.Options);

        Assert.Equal($"\"{text}\"", json);
        Assert.Equal(instant, JsonSerializer.Deserialize<Instant>(json, SlaJson.Options));
    }

    [Fact]
    public void Instants_across_the_calendar_are_written_as_NodaTime_formats_them()
    {
        var random = new Random(20261124);
        for (var i = 0; i < 10_000; i++)
        {
            // Whole seconds, milliseconds, ticks and nanoseconds in turn, from year 1 to 9999.
            var seconds = random.NextInt64(Instant.FromUtc(1, 1, 1, 0, 0).ToUnixTimeSeconds(), Instant.FromUtc(9999, 12, 31, 23, 59).ToUnixTimeSeconds());
            var nanos = (i % 4) switch
            {
                0 => 0,
                1 => random.Next(1000) * 1_000_000L,
                2 => random.Next(10_000_000) * 100L,
                _ => random.Next(1_000_000_000),
            };
            var instant = Instant.FromUnixTimeSeconds(seconds).PlusNanoseconds(nanos);

            var json = JsonSerializer.Serialize(instant, SlaJson.Options);

            Assert.Equal($"\"{InstantPattern.ExtendedIso.Format(instant)}\"", json);
            Assert.Equal(instant, JsonSerializer.Deserialize<Instant>(json, SlaJson.Options));
        }
    }

    [Fact]
    public void A_nullable_instant_in_a_record_is_written_the_same_way_and_null_stays_null()
    {
        var at = Instant.FromUtc(2026, 11, 24, 9, 30, 15).PlusNanoseconds(250_000_000);

        Assert.Equal("""{"at":"2026-11-24T09:30:15.25Z","none":null}""", JsonSerializer.Serialize(new Stamped(at, null), SlaJson.Options));
    }

    private sealed record Stamped(Instant? At, Instant? None);
}
