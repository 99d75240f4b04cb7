using System.Globalization;
using System.Runtime.InteropServices;
using Npgsql;
using NpgsqlTypes;
using Orleans.Serialization.Serializers;
using Orleans.Storage;
using SlaGrains.Contracts;

namespace SlaGrains.Host.Storage;

/// <summary>
/// Grain state in PostgreSQL with group commit: writes from many grains that arrive while earlier ones are in flight
/// leave together, one round trip and one transaction per batch, each record with its own version check. The table
/// and format are those of Orleans' ADO.NET provider (Storage/Sql/30-grain-state.sql), which reads what this writes
/// and the other way round; it stays registered for clearing, and clustering and reminders keep their providers.
/// </summary>
/// <remarks>
/// Written here because Orleans' provider sends one statement in its own transaction per write, and PostgreSQL's
/// cost per statement, not per row, bounds the write rate (docs/benchmarks.md); no Orleans or Npgsql component
/// groups writes of different grains.
/// </remarks>
public sealed class GroupCommitGrainStorage : IGrainStorage, IDisposable
{
    private const string KeyColumns = "service_id = $1 AND grain_type_hash = $2 AND grain_type = $3 AND grain_id_hash = $4 " +
        "AND grain_id_n0 = $5 AND grain_id_n1 = $6 AND grain_id_key IS NOT DISTINCT FROM $7";

    private const string InsertSql =
        "INSERT INTO sla_grain_state (service_id, grain_type_hash, grain_type, grain_id_hash, grain_id_n0, grain_id_n1, grain_id_key, payload, version) " +
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1) ON CONFLICT ON CONSTRAINT sla_grain_state_identity DO NOTHING RETURNING version";

    private const string UpdateSql =
        "UPDATE sla_grain_state SET payload = $8, version = version + 1, modified_at = now() WHERE " + KeyColumns +
        " AND version = $9 RETURNING version";

    private const string ReadSql = "SELECT payload, version FROM sla_grain_state WHERE " + KeyColumns;

    private readonly NpgsqlDataSource _database;
    private readonly IGrainStorage _provider;
    private readonly IStorageHasherPicker _hashes;
    private readonly IGrainStorageSerializer _serializer;
    private readonly IActivatorProvider _activators;
    private readonly string _serviceId;
    private readonly string _providerName;
    private readonly GroupCommitOptions _options;
    private readonly StorageFailureLog _failures;
    private readonly BatchMetrics _metrics;
    private readonly Lock _gate = new();
    private readonly Queue<PendingWrite> _queue = new();
    private int _writing;

    /// <param name="database">Its own pool, which it disposes: at most <see cref="GroupCommitOptions.Writers"/> connections write.</param>
    /// <param name="provider">Orleans' ADO.NET provider on the same table: clearing goes there.</param>
    public GroupCommitGrainStorage(NpgsqlDataSource database, IGrainStorage provider, IStorageHasherPicker hashes,
        IGrainStorageSerializer serializer, IActivatorProvider activators, string serviceId, string providerName,
        GroupCommitOptions options, ILogger<GroupCommitGrainStorage> logger, TimeProvider clock, BatchMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(options);
        _database = database;
        _provider = provider;
        _hashes = hashes;
        _serializer = serializer;
        _activators = activators;
        _serviceId = serviceId;
        _providerName = providerName;
        _options = options;
        _metrics = metrics;
        _failures = new StorageFailureLog(logger, clock, options.LogInterval);
    }

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var key = StoredGrainKey.Of(_serviceId, _providerName, stateName, grainId, grainState, _hashes);
        byte[]? payload = null;
        int? version = null;
        try
        {
            await using var command = _database.CreateCommand(ReadSql);
            AddKey(command.Parameters, key);
            await using var reader = await command.ExecuteReaderAsync();
            if (await reader.ReadAsync())
            {
                payload = reader.IsDBNull(0) ? null : reader.GetFieldValue<byte[]>(0);
                version = reader.GetInt32(1);
            }
        }
        catch (Exception ex) when (StorageFailures.IsUnavailable(ex))
        {
            _failures.Failed(ex, "read", 1);
            throw StorageFailures.Unavailable(ex);
        }
        grainState.State = payload is null ? _activators.GetActivator<T>().Create() : _serializer.Deserialize<T>(new BinaryData(payload))!;
        grainState.ETag = version?.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = version is not null;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var key = StoredGrainKey.Of(_serviceId, _providerName, stateName, grainId, grainState, _hashes);
        int? expected = string.IsNullOrWhiteSpace(grainState.ETag) ? null : int.Parse(grainState.ETag, CultureInfo.InvariantCulture);
        var write = new PendingWrite(key, expected, Bytes(_serializer.Serialize(grainState.State)));
        Enqueue(write);
        var version = await write.Done.Task;
        if (version is null)
        {
            throw new InconsistentStateException(
                $"Version conflict (WriteState): ServiceId={_serviceId} ProviderName={_providerName} GrainType={stateName} GrainId={grainId} ETag={grainState.ETag}.");
        }
        grainState.ETag = version.Value.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        _provider.ClearStateAsync(stateName, grainId, grainState);

    private void Enqueue(PendingWrite write)
    {
        bool start;
        lock (_gate)
        {
            _queue.Enqueue(write);
            start = _writing < _options.Writers;
            if (start)
            {
                _writing++;
            }
        }
        if (start)
        {
            _ = Task.Run(DrainAsync); // off the caller's (grain's) scheduler: the loop serves every grain
        }
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            PendingWrite[] batch;
            lock (_gate)
            {
                if (_queue.Count == 0)
                {
                    _writing--;
                    return;
                }
                batch = new PendingWrite[Math.Min(_queue.Count, _options.MaxBatchSize)];
                for (var i = 0; i < batch.Length; i++)
                {
                    batch[i] = _queue.Dequeue();
                }
            }
            await CommitAsync(batch);
        }
    }

    private async Task CommitAsync(PendingWrite[] batch)
    {
        // Stable: two writes of one record keep their order, and the second meets the first's version.
        var ordered = batch.OrderBy(w => w.Key, StoredGrainKey.LockOrder).ToArray();
        var versions = new int?[ordered.Length];
        try
        {
            await ExecuteAsync(ordered, versions);
        }
        catch (Exception ex)
        {
            var outage = StorageFailures.IsUnavailable(ex);
            if (outage)
            {
                _failures.Failed(ex, "write", ordered.Length);
            }
            var failure = outage ? StorageFailures.Unavailable(ex) : ex;
            foreach (var write in ordered)
            {
                write.Done.TrySetException(failure);
            }
            return;
        }
        _metrics.Committed(ordered.Length);
        // Only now: the reader has been read to the end, so PostgreSQL has answered the batch's commit.
        for (var i = 0; i < ordered.Length; i++)
        {
            ordered[i].Done.TrySetResult(versions[i]);
        }
    }

    private async Task ExecuteAsync(PendingWrite[] ordered, int?[] versions)
    {
        await using var connection = await _database.OpenConnectionAsync();
        // No error barriers: the batch runs in one implicit transaction, and any failure rolls all of it back.
        await using var batch = new NpgsqlBatch(connection);
        foreach (var write in ordered)
        {
            var command = new NpgsqlBatchCommand(write.ExpectedVersion is null ? InsertSql : UpdateSql);
            AddKey(command.Parameters, write.Key);
            command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = write.Payload, NpgsqlDbType = NpgsqlDbType.Bytea });
            if (write.ExpectedVersion is { } expected)
            {
                command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = expected });
            }
            batch.BatchCommands.Add(command);
        }
        await using (var reader = await batch.ExecuteReaderAsync())
        {
            for (var i = 0; i < ordered.Length; i++)
            {
                versions[i] = await reader.ReadAsync() ? reader.GetInt32(0) : null;
                await reader.NextResultAsync();
            }
        }
    }

    private static void AddKey(NpgsqlParameterCollection parameters, StoredGrainKey key)
    {
        parameters.Add(new NpgsqlParameter<string> { TypedValue = key.ServiceId, NpgsqlDbType = NpgsqlDbType.Varchar });
        parameters.Add(new NpgsqlParameter<int> { TypedValue = key.GrainTypeHash });
        parameters.Add(new NpgsqlParameter<string> { TypedValue = key.GrainType, NpgsqlDbType = NpgsqlDbType.Varchar });
        parameters.Add(new NpgsqlParameter<int> { TypedValue = key.GrainIdHash });
        parameters.Add(new NpgsqlParameter<long> { TypedValue = key.N0 });
        parameters.Add(new NpgsqlParameter<long> { TypedValue = key.N1 });
        parameters.Add(new NpgsqlParameter { Value = (object?)key.KeyString ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Varchar });
    }

    private static byte[] Bytes(BinaryData data) =>
        MemoryMarshal.TryGetArray(data.ToMemory(), out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : data.ToArray();

    public void Dispose()
    {
        _failures.Dispose();
        _database.Dispose();
    }
}
