using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Npgsql;
using Orleans.Serialization;
using Orleans.Storage;
using SlaGrains.Contracts.Serialization;
using SlaGrains.Grains.Cases;
using SlaGrains.Host.Storage;

namespace SlaGrains.Host.Tests;

/// <summary>
/// The Npgsql settings Orleans' providers run with, and that an operator's own settings win; the grain-state
/// serializer both providers use.
/// </summary>
public sealed class SlaStorageTests
{
    [Fact]
    public void Orleans_providers_prepare_their_statements_and_skip_the_reset_on_close()
    {
        var tuned = new NpgsqlConnectionStringBuilder(
            SlaStorage.ForOrleansProviders("Host=db;Username=sla;Password=secret;Database=sla;Maximum Pool Size=40"));

        Assert.Equal(32, tuned.MaxAutoPrepare);
        Assert.True(tuned.NoResetOnClose);
        Assert.Equal(40, tuned.MaxPoolSize);
        Assert.Equal("secret", tuned.Password);
    }

    [Fact]
    public void An_operators_own_settings_are_kept()
    {
        var tuned = new NpgsqlConnectionStringBuilder(
            SlaStorage.ForOrleansProviders("Host=db;Username=sla;Database=sla;Max Auto Prepare=0;No Reset On Close=false"));

        Assert.Equal(0, tuned.MaxAutoPrepare);
        Assert.False(tuned.NoResetOnClose);
    }

    [Fact]
    public void Grain_state_reads_back_whichever_serializer_wrote_it_and_is_stored_without_slack()
    {
        using var services = new ServiceCollection().AddSerializer(s => s.AddSlaSerialization()).BuildServiceProvider();
        var serializer = services.GetRequiredService<Serializer>();
        var exact = new ExactGrainStorageSerializer(serializer);
        var orleans = new OrleansGrainStorageSerializer(serializer);
        var state = new CaseState
        {
            Log = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 40).Select(i => $"{{\"eventId\":\"e{i}\",\"type\":\"updated\"}}\n"))),
            SealedEvents = 3,
            ProcessId = "standard",
            Fired = { "case-1/first-response/0/warning" },
            Reminders = { ["ms:first-response/0"] = Instant.FromUtc(2026, 11, 23, 9, 0) },
            Version = 42,
        };

        var written = exact.Serialize(state);

        // A state of the previous builds (Orleans' serializer) reads with this one, and the other way round.
        foreach (var read in new[] { exact.Deserialize<CaseState>(orleans.Serialize(state)), orleans.Deserialize<CaseState>(written) })
        {
            Assert.NotNull(read);
            Assert.Equal(state.Log.ToArray(), read.Log.ToArray());
            Assert.Equal(3, read.SealedEvents);
            Assert.Equal("standard", read.ProcessId);
            Assert.Equal(state.Fired, read.Fired);
            Assert.Equal(state.Reminders, read.Reminders);
            Assert.Equal(42, read.Version);
        }
        // What the embedded mode stores is the state itself, not the buffer it was written into.
        Assert.True(MemoryMarshal.TryGetArray(written.ToMemory(), out var segment));
        Assert.Equal(segment.Array!.Length, segment.Count);
    }
}
