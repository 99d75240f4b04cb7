namespace SlaGrains.Host.Benchmark;

[GrainType("bench-noop")]
public sealed class NoopGrain : Grain, INoopGrain
{
    public Task Ping() => Task.CompletedTask;
}
