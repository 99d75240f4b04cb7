using System.Diagnostics;

namespace SlaGrains.Bench;

/// <summary>Runs an operation at bounded concurrency for a while and reports throughput and latency percentiles.</summary>
public static class Load
{
    public sealed record Result(string Name, long Operations, long Failures, double PerSecond, double P50Ms, double P99Ms)
    {
        public override string ToString() => $"{PerSecond,10:N0}/s  p50 {P50Ms,6:N1} ms  p99 {P99Ms,6:N1} ms  ({Operations:N0} ok, {Failures:N0} failed)";
    }

    public static async Task<Result> Run(string name, int concurrency, TimeSpan duration, Func<long, Task<bool>> operation, int unitsPerOperation = 1)
    {
        var latencies = new List<double>[concurrency];
        long next = 0, failures = 0;
        Progress.Begin(name);
        var stop = Stopwatch.StartNew();
        var progress = Task.Run(async () =>
        {
            while (stop.Elapsed < duration)
            {
                Progress.Show($"{name}: {stop.Elapsed.TotalSeconds,4:F0}/{duration.TotalSeconds:F0} s, {Interlocked.Read(ref next) * unitsPerOperation,10:N0} sent");
                await Task.Delay(500);
            }
        });
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var mine = latencies[worker] = [];
            while (stop.Elapsed < duration)
            {
                var n = Interlocked.Increment(ref next);
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
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new Result(name, all.Length * (long)unitsPerOperation, failures, all.Length * (double)unitsPerOperation / elapsed,
            Percentile(all, 0.50), Percentile(all, 0.99));
    }

    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
