#pragma warning disable CA1848 // entries written ad hoc, as from any library, to see what the sampler lets through
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using SlaGrains.Contracts;
using SlaGrains.Host.Hosting;

namespace SlaGrains.Host.Tests;

public sealed class OutageLogSamplerTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new();
    private readonly FakeLogCollector _log = FakeLogCollector.Create(new FakeLogCollectorOptions());
    private readonly ServiceProvider _services;

    public OutageLogSamplerTests() =>
        _services = new ServiceCollection()
            .AddSingleton<TimeProvider>(_clock)
            .AddLogging(logging => logging.AddProvider(new FakeLoggerProvider(_log)).AddSampler<OutageLogSampler>())
            .BuildServiceProvider();

    private ILogger Logger(string category) => _services.GetRequiredService<ILoggerFactory>().CreateLogger(category);

    private static readonly Exception Unavailable = new StorageUnavailableException("Storage failed: database is not accepting connections");

    [Fact]
    public void An_outage_reported_by_Orleans_per_request_is_logged_once_then_counted()
    {
        var activation = Logger("Orleans.Grain");
        for (var i = 0; i < 20; i++)
        {
            activation.LogError(new EventId(100513), Unavailable, "Error activating grain case/{Id}", i);
        }

        var full = Assert.Single(_log.GetSnapshot());
        Assert.Equal("Error activating grain case/0", full.Message);
        Assert.Same(Unavailable, full.Exception);

        _clock.Advance(TimeSpan.FromSeconds(10));

        var count = _log.LatestRecord;
        Assert.Equal(LogLevel.Warning, count.Level);
        Assert.Equal("19 more Orleans.Grain[100513] entries for storage being unavailable in the last 10 s were left out", count.Message);
        activation.LogError(new EventId(100513), Unavailable, "Error activating grain case/{Id}", 20);
        Assert.Equal("Error activating grain case/20", _log.LatestRecord.Message); // the next window opens in full
    }

    [Fact]
    public void Each_source_has_its_own_window()
    {
        Logger("Orleans.Grain").LogError(new EventId(100513), Unavailable, "activating");
        Logger("Orleans.Grain").LogError(new EventId(23568684), Unavailable, "OnActivateAsync");
        Logger("Orleans.Runtime.GrainTimer").LogWarning(new EventId(101413), Unavailable, "timer");

        Assert.Equal(3, _log.Count);
    }

    [Fact]
    public void Other_failures_and_SlaGrains_own_entries_are_never_held_back()
    {
        var orleans = Logger("Orleans.Grain");
        var ours = Logger("SlaGrains.Host.Storage.GroupCommitGrainStorage");
        for (var i = 0; i < 3; i++)
        {
            orleans.LogError(new EventId(1), new InvalidOperationException("a bug"), "not an outage");
            ours.LogError(new EventId(2), Unavailable, "throttled where it is logged");
            orleans.LogWarning(new EventId(3), "no exception at all");
        }

        Assert.Equal(9, _log.Count);
    }

    public void Dispose() => _services.Dispose();
}
