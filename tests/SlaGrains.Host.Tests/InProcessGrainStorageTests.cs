using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;
using SlaGrains.Contracts.Serialization;
using SlaGrains.Grains.Cases;
using SlaGrains.Host.Storage;

namespace SlaGrains.Host.Tests;

/// <summary>The embedded mode's grain storage: copies, not shared objects, and the ADO.NET provider's concurrency rules.</summary>
public sealed class InProcessGrainStorageTests : IDisposable
{
    private static readonly GrainId Case = GrainId.Create("case", "case-1");
    private readonly ServiceProvider _services = new ServiceCollection().AddSerializer(s => s.AddSlaSerialization()).BuildServiceProvider();
    private readonly InProcessGrainStorage _storage;

    public InProcessGrainStorageTests() =>
        _storage = new InProcessGrainStorage(new ExactGrainStorageSerializer(_services.GetRequiredService<Serializer>()));

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task A_written_state_reads_back_as_written_not_as_changed_since()
    {
        var written = new GrainState<CaseState>(new CaseState { ProcessId = "standard", Fired = { "case-1/first-response/0/warning" }, Version = 7 });
        await _storage.WriteStateAsync("case", Case, written);
        written.State!.Version = 8; // a change in memory that was never written
        written.State!.Fired.Add("case-1/first-response/0/violation");

        var read = await Read("case", Case);

        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal(7, read.State!.Version);
        Assert.Equal("standard", read.State!.ProcessId);
        Assert.Equal(["case-1/first-response/0/warning"], read.State!.Fired);
        Assert.False((await Read("case-log", Case)).RecordExists); // another state of the same grain is its own record
        Assert.False((await Read("case", GrainId.Create("case", "case-2"))).RecordExists);
    }

    [Fact]
    public async Task A_writer_that_missed_a_write_is_refused_and_the_stored_state_kept()
    {
        var first = new GrainState<CaseState>(new CaseState { Version = 1 });
        await _storage.WriteStateAsync("case", Case, first);
        var stale = await Read("case", Case);
        first.State!.Version = 2;
        await _storage.WriteStateAsync("case", Case, first);

        stale.State!.Version = 99;
        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync("case", Case, stale));
        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.ClearStateAsync("case", Case, stale));
        // A writer that believes there is no record yet is refused too.
        await Assert.ThrowsAsync<InconsistentStateException>(() =>
            _storage.WriteStateAsync("case", Case, new GrainState<CaseState>(new CaseState { Version = 99 })));

        var stored = await Read("case", Case);
        Assert.Equal(2, stored.State!.Version);
        Assert.Equal(first.ETag, stored.ETag);
    }

    [Fact]
    public async Task A_cleared_state_is_gone_and_a_new_one_gets_an_etag_never_used_before()
    {
        var state = new GrainState<CaseState>(new CaseState { Version = 1 });
        await _storage.WriteStateAsync("case", Case, state);
        var etags = new HashSet<string> { state.ETag! };
        var holder = await Read("case", Case);

        await _storage.ClearStateAsync("case", Case, state);

        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
        Assert.False((await Read("case", Case)).RecordExists);
        // The holder of the cleared record's etag may not write over what comes after it.
        var fresh = new GrainState<CaseState>(new CaseState { Version = 5 });
        await _storage.WriteStateAsync("case", Case, fresh);
        Assert.True(etags.Add(fresh.ETag!));
        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync("case", Case, holder));
        Assert.Equal(5, (await Read("case", Case)).State!.Version);
    }

    private async Task<GrainState<CaseState>> Read(string stateName, GrainId grainId)
    {
        var state = new GrainState<CaseState>(new CaseState());
        await _storage.ReadStateAsync(stateName, grainId, state);
        return state;
    }
}
