using System.Diagnostics;

namespace SlaGrains.Bench;

/// <summary>Runs an operation at bounded concurrency for a while and reports throughput and latency percentiles.</summary>
public static class Load
{
    // Operations are numbered on across every comparison of a run (warm-ups and rounds included), so no two repeat an
    // event id: a repeat would be answered as a replay, without a write, and measure nothing.
    private static long _operations;

    /// <summary>
    /// How a load runs: <paramref name="Concurrency"/> workers, first for <paramref name="Warmup"/> unmeasured, then
    /// for <paramref name="Duration"/> measured. The warm-up is what a long-running service has behind it: .NET
    /// compiles hot code in tiers, and on two busy cores the first ~15 s of a new code path still run partly
    /// unoptimized code and the JIT itself (measured with perf, docs/benchmarks.md).
    /// </summary>
    public sealed record Shape(int Concurrency, TimeSpan Warmup, TimeSpan Duration);

    /// <summary>A workload's figures; <paramref name="HostCpuUs"/> is the host's CPU time per event, when the host does the work.</summary>
    public sealed record Result(string Name, long Operations, long Failures, double PerSecond, double P50Ms, double P99Ms, double? HostCpuUs)
    {
        public override string ToString() =>
            $"{PerSecond,10:N0}/s  p50 {P50Ms,6:N1} ms  p99 {P99Ms,6:N1} ms  ({Operations:N0} ok, {Failures:N0} failed){(HostCpuUs is { } cpu ? $"  host CPU {cpu:N0} µs each" : "")}";
    }

    /// <summary>
    /// One load of a comparison: its name, one operation numbered n, how many events an operation carries, and the
    /// host process's CPU clock when the host is what the load exercises.
    /// </summary>
    public sealed record Workload(string Name, Func<long, Task<bool>> Operation, int UnitsPerOperation = 1, Func<TimeSpan>? HostCpu = null);

    /// <summary>
    /// Measures workloads that are compared with each other (a figure and its limit). Each is warmed up, then the
    /// measured time is cut into <paramref name="rounds"/> slices taken in turn (limit, figure, figure, limit, …), so
    /// that whatever else the shared machine is doing lands on both sides of a ratio instead of on one phase.
    /// </summary>
    public static async Task<Result[]> Compare(Shape shape, int rounds, params Workload[] workloads)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(workloads);
        static long Next() => Interlocked.Increment(ref _operations);
        if (shape.Warmup > TimeSpan.Zero)
        {
            // Last to first, so the first measured slice follows its own warm-up, not another workload's garbage.
            foreach (var w in workloads.Reverse())
            {
                await Drive($"{w.Name}, warming up", shape.Concurrency, shape.Warmup, w.Operation, w.UnitsPerOperation, Next);
            }
        }
        var latencies = workloads.Select(_ => new List<double>()).ToArray();
        var failures = new long[workloads.Length];
        var seconds = new double[workloads.Length];
        var cpu = new TimeSpan[workloads.Length];
        for (var round = 1; round <= rounds; round++)
        {
            // Every other round in reverse (A B, B A, …): no workload always runs right after the same other one.
            for (var k = 0; k < workloads.Length; k++)
            {
                var i = round % 2 == 1 ? k : workloads.Length - 1 - k;
                var w = workloads[i];
                var cpuBefore = w.HostCpu?.Invoke() ?? TimeSpan.Zero;
                var slice = await Drive($"{w.Name} ({round}/{rounds})", shape.Concurrency, shape.Duration / rounds, w.Operation, w.UnitsPerOperation, Next);
                var sliceCpu = (w.HostCpu?.Invoke() ?? TimeSpan.Zero) - cpuBefore;
                cpu[i] += sliceCpu;
                var sliceUnits = (slice.Latencies.Length + slice.Failures) * (double)w.UnitsPerOperation;
                // Each slice's own figures, so a ratio's spread between slices (the machine, the slice before) shows.
                Console.WriteLine($"    slice {round}/{rounds} of {w.Name}: {slice.Latencies.Length * (double)w.UnitsPerOperation / slice.Seconds:N0}/s"
                    + (w.HostCpu is null || sliceUnits == 0 ? "" : $", host CPU {sliceCpu.TotalMicroseconds / sliceUnits:N0} µs each"));
                latencies[i].AddRange(slice.Latencies);
                failures[i] += slice.Failures;
                seconds[i] += slice.Seconds;
            }
        }
        return [.. workloads.Select((w, i) =>
        {
            var sorted = latencies[i].Order().ToArray();
            var units = (sorted.Length + failures[i]) * (double)w.UnitsPerOperation;
            return new Result(w.Name, sorted.Length * (long)w.UnitsPerOperation, failures[i], sorted.Length * (double)w.UnitsPerOperation / seconds[i],
                Percentile(sorted, 0.50), Percentile(sorted, 0.99), w.HostCpu is null || units == 0 ? null : cpu[i].TotalMicroseconds / units);
        })];
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
