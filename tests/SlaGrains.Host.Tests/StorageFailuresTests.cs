using System.Net.Sockets;
using Npgsql;
using Orleans.Storage;
using SlaGrains.Contracts;

namespace SlaGrains.Host.Tests;

/// <summary>The one detector of "storage unavailable", over each kind of failure it has to tell apart.</summary>
public sealed class StorageFailuresTests
{
    public static TheoryData<string, Exception> Outages => new()
    {
        { "the driver's own", new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused)) },
        { "the driver's, inside another", new InvalidOperationException("reading state failed", new NpgsqlException("Exception while reading from stream")) },
        { "ours, from another process", new StorageUnavailableException("Storage failed: NpgsqlException: the database is shutting down") },
        { "a timeout", new TimeoutException("no answer from the cluster") },
        { "a socket error", new SocketException((int)SocketError.ConnectionReset) },
        { "the cluster's", new SiloUnavailableException("the silo is gone") },
    };

    public static TheoryData<string, Exception> NotOutages => new()
    {
        { "a bug", new InvalidOperationException("a bug") },
        { "a bad argument", new ArgumentException("no such field") },
        { "a write conflict", new InconsistentStateException("the etag does not match", "1", "2") },
        { "a write conflict around a driver error", new InconsistentStateException("the etag does not match", new NpgsqlException("constraint")) },
    };

    [Theory]
    [MemberData(nameof(Outages))]
    public void Storage_or_cluster_failures_mean_storage_is_unavailable(string kind, Exception failure)
    {
        Assert.True(StorageFailures.IsUnavailable(failure), kind);
    }

    [Theory]
    [MemberData(nameof(NotOutages))]
    public void Other_failures_do_not(string kind, Exception failure)
    {
        Assert.False(StorageFailures.IsUnavailable(failure), kind);
    }

    [Fact]
    public void No_exception_is_no_outage()
    {
        Assert.False(StorageFailures.IsUnavailable(null));
    }

    [Fact]
    public void The_exception_thrown_in_place_names_the_cause_and_carries_nothing_that_cannot_cross_processes()
    {
        var driver = new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused));

        var unavailable = StorageFailures.Unavailable(new InvalidOperationException("reading state failed", driver));

        Assert.StartsWith("Storage failed: SocketException: ", unavailable.Message, StringComparison.Ordinal);
        Assert.Null(unavailable.InnerException);
        var already = new StorageUnavailableException("from the silo");
        Assert.Same(already, StorageFailures.Unavailable(already));
    }
}
