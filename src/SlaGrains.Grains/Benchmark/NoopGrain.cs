using SlaGrains.Contracts.Benchmark;

namespace SlaGrains.Grains.Benchmark;

[GrainType("bench-noop")]
public sealed class NoopGrain : Grain, INoopGrain
{
    public Task Ping() => Task.CompletedTask;
}
