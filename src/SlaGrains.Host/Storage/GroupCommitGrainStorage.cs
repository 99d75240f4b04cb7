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

    // Every update of a batch in one statement: PostgreSQL's cost per statement (bind, executor start, plan-cache
    // lookup) is paid once per batch instead of once per record. Each row keeps its own version check, and "at" says
    // which write it answers. Past a few dozen rows PostgreSQL joins in the arrays' order (a nested loop over the
    // identity index), so rows are locked in LockOrder; should it lock otherwise (a hash join over a tiny table) and
    // deadlock, the batch fails like an outage and its callers resend.
    private const string UpdateAllSql =
        "UPDATE sla_grain_state AS s SET payload = w.payload, version = s.version + 1, modified_at = now() " +
        "FROM unnest($1::varchar[], $2::integer[], $3::varchar[], $4::integer[], $5::bigint[], $6::bigint[], $7::varchar[], $8::bytea[], $9::integer[]) " +
        "WITH ORDINALITY AS w (service_id, grain_type_hash, grain_type, grain_id_hash, grain_id_n0, grain_id_n1, grain_id_key, payload, version, at) " +
        "WHERE s.service_id = w.service_id AND s.grain_type_hash = w.grain_type_hash AND s.grain_type = w.grain_type " +
        "AND s.grain_id_hash = w.grain_id_hash AND s.grain_id_n0 = w.grain_id_n0 AND s.grain_id_n1 = w.grain_id_n1 " +
        "AND s.grain_id_key IS NOT DISTINCT FROM w.grain_id_key AND s.version = w.version " +
        "RETURNING w.at, s.version";

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
        var rounds = UpdateRounds(ordered);
        foreach (var round in rounds)
        {
            batch.BatchCommands.Add(UpdateAll(ordered, round));
        }
        // After the updates, so every batch locks the rows it updates before it can wait on another's new row.
        var inserts = Enumerable.Range(0, ordered.Length).Where(i => ordered[i].ExpectedVersion is null).ToArray();
        foreach (var i in inserts)
        {
            var command = new NpgsqlBatchCommand(InsertSql);
            AddKey(command.Parameters, ordered[i].Key);
            command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = ordered[i].Payload, NpgsqlDbType = NpgsqlDbType.Bytea });
            batch.BatchCommands.Add(command);
        }
        await using var reader = await batch.ExecuteReaderAsync();
        foreach (var round in rounds)
        {
            while (await reader.ReadAsync())
            {
                versions[round[(int)reader.GetInt64(0) - 1]] = reader.GetInt32(1);
            }
            await reader.NextResultAsync();
        }
        foreach (var i in inserts)
        {
            versions[i] = await reader.ReadAsync() ? reader.GetInt32(0) : null;
            await reader.NextResultAsync();
        }
    }

    /// <summary>
    /// The updates among <paramref name="ordered"/> by index, in rounds that each name a record at most once (a
    /// statement updates a row once, however many of its input rows match it): a second write of one record goes in
    /// the next round and meets the first's version. Nearly every batch is one round.
    /// </summary>
    private static List<List<int>> UpdateRounds(PendingWrite[] ordered)
    {
        var rounds = new List<List<int>>();
        var round = 0;
        var last = -1; // the update before this one
        for (var i = 0; i < ordered.Length; i++)
        {
            if (ordered[i].ExpectedVersion is null)
            {
                continue;
            }
            // Writes of one record are next to each other in lock order, so a repeat of the last key starts the next round.
            round = last >= 0 && ordered[last].Key == ordered[i].Key ? round + 1 : 0;
            last = i;
            if (round == rounds.Count)
            {
                rounds.Add([]);
            }
            rounds[round].Add(i);
        }
        return rounds;
    }

    private static NpgsqlBatchCommand UpdateAll(PendingWrite[] ordered, List<int> round)
    {
        var writes = round.Select(i => ordered[i]).ToArray();
        var command = new NpgsqlBatchCommand(UpdateAllSql);
        command.Parameters.Add(Column(writes, w => w.Key.ServiceId, NpgsqlDbType.Varchar));
        command.Parameters.Add(Column(writes, w => w.Key.GrainTypeHash, NpgsqlDbType.Integer));
        command.Parameters.Add(Column(writes, w => w.Key.GrainType, NpgsqlDbType.Varchar));
        command.Parameters.Add(Column(writes, w => w.Key.GrainIdHash, NpgsqlDbType.Integer));
        command.Parameters.Add(Column(writes, w => w.Key.N0, NpgsqlDbType.Bigint));
        command.Parameters.Add(Column(writes, w => w.Key.N1, NpgsqlDbType.Bigint));
        command.Parameters.Add(Column(writes, w => w.Key.KeyString, NpgsqlDbType.Varchar));
        command.Parameters.Add(Column(writes, w => w.Payload, NpgsqlDbType.Bytea));
        command.Parameters.Add(Column(writes, w => w.ExpectedVersion!.Value, NpgsqlDbType.Integer));
        return command;
    }

    private static NpgsqlParameter<T[]> Column<T>(PendingWrite[] writes, Func<PendingWrite, T> column, NpgsqlDbType type) =>
        new() { TypedValue = Array.ConvertAll(writes, w => column(w)), NpgsqlDbType = NpgsqlDbType.Array | type };

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
