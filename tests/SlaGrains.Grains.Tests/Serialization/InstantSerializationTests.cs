using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Orleans.Serialization;
using SlaGrains.Contracts.Serialization;
using SlaGrains.Grains.Cases;

namespace SlaGrains.Grains.Tests.Serialization;

public sealed class InstantSerializationTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddSerializer(s => s.AddSlaSerialization()).BuildServiceProvider();

    private Serializer Serializer => _services.GetRequiredService<Serializer>();

    public static TheoryData<Instant> Instants =>
    [
        Instant.FromUtc(2025, 3, 3, 14, 5),
        Instant.FromUtc(2025, 3, 3, 14, 5).PlusNanoseconds(123_456_789), // finer than a .NET tick
        NodaConstants.UnixEpoch,
        NodaConstants.UnixEpoch.PlusNanoseconds(-1), // the last nanosecond of the day before the epoch
        Instant.FromUtc(1601, 1, 1, 0, 0),
        Instant.MinValue,
        Instant.MaxValue,
    ];

    [Theory]
    [MemberData(nameof(Instants))]
    public void An_instant_survives_serialization_and_copying_to_the_nanosecond(Instant instant)
    {
        Assert.Equal(instant, Serializer.Deserialize<Instant>(Serializer.SerializeToArray(instant)));
        Assert.Equal(instant, _services.GetRequiredService<DeepCopier<Instant>>().Copy(instant));
    }

    [Fact]
    public void An_instant_is_stored_in_a_few_bytes_not_as_text()
    {
        var instant = Instant.FromUtc(2025, 3, 3, 14, 5).PlusNanoseconds(1);
        Assert.True(Serializer.SerializeToArray(instant).Length < 20); // its ISO text alone is 30 characters
    }

    [Fact]
    public void A_cases_reminder_times_survive_its_state_write()
    {
        var due = Instant.FromUtc(2025, 3, 3, 15, 5).PlusNanoseconds(7);
        var state = new CaseState { Reminders = { ["deadline"] = due, ["clock"] = Instant.MaxValue } };

        var read = Serializer.Deserialize<CaseState>(Serializer.SerializeToArray(state))!;

        Assert.Equal(due, read.Reminders["deadline"]);
        Assert.Equal(Instant.MaxValue, read.Reminders["clock"]);
    }

    public void Dispose() => _services.Dispose();
}
