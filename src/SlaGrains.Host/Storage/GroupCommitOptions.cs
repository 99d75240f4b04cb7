using System.ComponentModel.DataAnnotations;

namespace SlaGrains.Host.Storage;

/// <summary>Settings of <see cref="GroupCommitGrainStorage"/> (<c>Sla:Storage:GroupCommit</c>).</summary>
public sealed class GroupCommitOptions
{
    public const string Section = "Sla:Storage:GroupCommit";

    /// <summary>Off: grain state goes through Orleans' ADO.NET provider alone, one statement and transaction per write.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Records one batch (one round trip, one transaction) carries at most. Under batched ingestion hundreds of writes
    /// wait behind the writer, and the larger the batch, the fewer commits for the same records (docs/benchmarks.md).
    /// </summary>
    [Range(1, 1000)]
    public int MaxBatchSize { get; set; } = 512;

    /// <summary>
    /// Batches in flight at once, each on its own connection. A write that finds fewer in flight goes at once, so an
    /// idle silo adds no wait; under load, writes queue behind them and leave together in the next batch. One is the
    /// default because fewer batches in flight make larger ones: each commit wakes PostgreSQL and the silo's threads
    /// once for more records (docs/benchmarks.md has the A/B); a server on its own cores may profit from more.
    /// </summary>
    [Range(1, 64)]
    public int Writers { get; set; } = 1;

    /// <summary>
    /// The writer's own connections at most: <see cref="Writers"/> of them write, the rest read (a grain reads when it
    /// activates, and thousands can activate at once). Reads beyond them wait for a free connection rather than
    /// opening more than PostgreSQL's <c>max_connections</c> allows across all silos.
    /// </summary>
    [Range(2, 1000)]
    public int Connections { get; set; } = 16;

    /// <summary>Storage failures of one cause are logged in full once per this interval, and counted in between.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan LogInterval { get; set; } = TimeSpan.FromSeconds(10);
}
