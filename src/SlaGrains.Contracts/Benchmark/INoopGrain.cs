namespace SlaGrains.Contracts.Benchmark;

/// <summary>The benchmark's limit: a grain call that does nothing, so "bare endpoint + one grain call" can be measured.</summary>
[Alias("sla.bench-noop")]
public interface INoopGrain : IGrainWithStringKey
{
    [Alias("ping")]
    Task Ping();
}
