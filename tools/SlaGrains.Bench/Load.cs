using System.Diagnostics;

namespace SlaGrains.Bench;

/// <summary>Runs an operation at bounded concurrency for a while and reports throughput and latency percentiles.</summary>
public static class Load
{
    /// <summary>
    /// How a load runs: <paramref name="Concurrency"/> workers, first for <paramref name="Warmup"/> unmeasured, then
    /// for <paramref name="Duration"/> measured. The warm-up is what a long-running service has behind it: .NET
    /// compiles hot code in tiers, and on two busy cores the first ~15 s of a new code path still run partly
    /// unoptimized code and the JIT itself (measured with perf, docs/benchmarks.md).
    /// </summary>
    public sealed record Shape(int Concurrency, TimeSpan Warmup, TimeSpan Duration);

    public sealed record Result(string Name, long Operations, long Failures, double PerSecond, double P50Ms, double P99Ms)
    {
        public override string ToString() => $"{PerSecond,10:N0}/s  p50 {P50Ms,6:N1} ms  p99 {P99Ms,6:N1} ms  ({Operations:N0} ok, {Failures:N0} failed)";
    }

    public static async Task<Result> Run(string name, Shape shape, Func<long, Task<bool>> operation, int unitsPerOperation = 1)
    {
        ArgumentNullException.ThrowIfNull(shape);
        long next = 0; // numbered on across the warm-up, so the measured operations never repeat its event ids
        long Next() => Interlocked.Increment(ref next);
        if (shape.Warmup > TimeSpan.Zero)
        {
            await Drive($"{name}, warming up", shape.Concurrency, shape.Warmup, operation, unitsPerOperation, Next);
        }
        var (latencies, failures, elapsed) = await Drive(name, shape.Concurrency, shape.Duration, operation, unitsPerOperation, Next);
        return new Result(name, latencies.Length * (long)unitsPerOperation, failures, latencies.Length * (double)unitsPerOperation / elapsed,
            Percentile(latencies, 0.50), Percentile(latencies, 0.99));
    }

    /// <summary>Runs the workers for <paramref name="duration"/>; answers the sorted latencies of the successes.</summary>
    private static async Task<(double[] Latencies, long Failures, double Seconds)> Drive(
        string phase, int concurrency, TimeSpan duration, Func<long, Task<bool>> operation, int unitsPerOperation, Func<long> nextOperation)
    {
        var latencies = new List<double>[concurrency];
        long sent = 0, failures = 0;
        Progress.Begin(phase);
        var stop = Stopwatch.StartNew();
        var progress = Task.Run(async () =>
        {
            while (stop.Elapsed < duration)
            {
                Progress.Show($"{phase}: {stop.Elapsed.TotalSeconds,4:F0}/{duration.TotalSeconds:F0} s, {Interlocked.Read(ref sent) * unitsPerOperation,10:N0} sent");
                await Task.Delay(500);
            }
        });
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var mine = latencies[worker] = [];
            while (stop.Elapsed < duration)
            {
                var n = nextOperation();
                Interlocked.Increment(ref sent);
                var started = Stopwatch.GetTimestamp();
                bool ok;
                try
                {
                    ok = await operation(n);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or Npgsql.NpgsqlException)
                {
                    ok = false;
                }
                if (ok)
                {
                    mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                else
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }));
        var elapsed = stop.Elapsed.TotalSeconds;
        await progress;
        Progress.Clear();
        return (latencies.SelectMany(l => l).Order().ToArray(), failures, elapsed);
    }

    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
