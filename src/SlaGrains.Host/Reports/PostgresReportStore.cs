using System.Runtime.CompilerServices;
using System.Text;
using System.Threading.Channels;
using NodaTime;
using Npgsql;
using NpgsqlTypes;
using SlaGrains.Contracts.Reports;
using SlaGrains.Domain.Reports;

namespace SlaGrains.Host.Reports;

/// <summary>
/// Reports' facts in PostgreSQL (Storage/Sql/40-reports.sql). Writes from all the silo's cases queue up and go in
/// batches, one transaction per batch, while the previous batch commits: a case waits for one commit, not for a
/// round trip of its own. Reports are aggregated in SQL; the figures mean what ComplianceCalculator says.
/// </summary>
public sealed partial class PostgresReportStore : IReportStore, IAsyncDisposable
{
    private const int MaxBatch = 500;

    private static readonly string[] Columns =
    [
        "case_id", "milestone_id", "milestone", "instance", "process_id", "process_version", "entitlement_id", "account_id", "queue",
        "priority", "owner", "calendar_id", "status", "started_at", "target_at", "completed_at", "violated_at", "seconds_to_complete",
        "paused_seconds", "overdue_seconds", "case_version",
    ];

    private readonly NpgsqlDataSource _database;
    private readonly Channel<(CaseFacts Facts, TaskCompletionSource Done)> _queue =
        Channel.CreateUnbounded<(CaseFacts, TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;
    private readonly ILogger<PostgresReportStore> _logger;

    public PostgresReportStore(string connectionString, ILogger<PostgresReportStore> logger)
    {
        _database = NpgsqlDataSource.Create(connectionString);
        _logger = logger;
        _writer = Task.Run(WriteBatches);
    }

    public Task Write(CaseFacts facts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite((facts, done)), this);
        return done.Task.WaitAsync(cancellationToken);
    }

    private async Task WriteBatches()
    {
        var batch = new List<(CaseFacts Facts, TaskCompletionSource Done)>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }
            try
            {
                await WriteBatch([.. batch.Select(b => b.Facts)]);
                batch.ForEach(b => b.Done.TrySetResult());
            }
            catch (Exception ex)
            {
                LogBatchFailed(ex, batch.Count);
                batch.ForEach(b => b.Done.TrySetException(ex));
            }
            batch.Clear();
        }
    }

    /// <summary>
    /// The case rows first, each only where the batch's version is at least the stored one: that row's lock orders
    /// concurrent writers of one case, and only the cases it accepted get their instances replaced.
    /// </summary>
    private async Task WriteBatch(IReadOnlyList<CaseFacts> batch)
    {
        // One row per case: ON CONFLICT may touch a row once per statement, and the newest version wins anyway.
        var cases = batch.GroupBy(f => f.CaseId, StringComparer.Ordinal).Select(g => g.MaxBy(f => f.Version)!).ToList();
        await using var connection = await _database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var accepted = new HashSet<string>(StringComparer.Ordinal);
        await using (var upsert = new NpgsqlCommand("""
            INSERT INTO sla_case_fact (case_id, process_id, process_version, entitlement_id, account_id, queue, priority, owner,
                                       opened_at, closed_at, reopened_count, first_response_at, case_version)
            SELECT * FROM unnest(@case_id, @process_id, @process_version, @entitlement_id, @account_id, @queue, @priority, @owner,
                                 @opened_at, @closed_at, @reopened_count, @first_response_at, @case_version)
            ON CONFLICT (case_id) DO UPDATE SET
                process_id = excluded.process_id, process_version = excluded.process_version, entitlement_id = excluded.entitlement_id,
                account_id = excluded.account_id, queue = excluded.queue, priority = excluded.priority, owner = excluded.owner,
                opened_at = excluded.opened_at, closed_at = excluded.closed_at, reopened_count = excluded.reopened_count,
                first_response_at = excluded.first_response_at, case_version = excluded.case_version
            WHERE sla_case_fact.case_version <= excluded.case_version
            RETURNING case_id
            """, connection, transaction))
        {
            var c = cases.Select(f => f.Case).ToList();
            Text(upsert, "case_id", c.Select(x => x.CaseId));
            Text(upsert, "process_id", c.Select(x => x.ProcessId));
            upsert.Parameters.Add(new NpgsqlParameter("process_version", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = c.Select(x => x.ProcessVersion).ToArray() });
            Text(upsert, "entitlement_id", c.Select(x => x.EntitlementId));
            Text(upsert, "account_id", c.Select(x => x.AccountId));
            Text(upsert, "queue", c.Select(x => x.Queue));
            Text(upsert, "priority", c.Select(x => x.Priority));
            Text(upsert, "owner", c.Select(x => x.Owner));
            Times(upsert, "opened_at", c.Select(x => x.OpenedAt));
            Times(upsert, "closed_at", c.Select(x => x.ClosedAt));
            upsert.Parameters.Add(new NpgsqlParameter("reopened_count", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = c.Select(x => x.ReopenedCount).ToArray() });
            Times(upsert, "first_response_at", c.Select(x => x.FirstResponseAt));
            Longs(upsert, "case_version", c.Select(x => (long?)x.CaseVersion));
            await using var reader = await upsert.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                accepted.Add(reader.GetString(0));
            }
        }
        var taken = cases.Where(f => accepted.Contains(f.CaseId)).ToList();
        if (taken.Count > 0)
        {
            var batchCommand = new NpgsqlBatch(connection, transaction);
            await using (batchCommand)
            {
                var facts = taken.SelectMany(f => f.Milestones).ToList();
                if (facts.Count > 0)
                {
                    var insert = new NpgsqlBatchCommand($"""
                        INSERT INTO sla_milestone_fact ({string.Join(", ", Columns)})
                        SELECT * FROM unnest({string.Join(", ", Columns.Select(c => "@" + c))})
                        ON CONFLICT (case_id, milestone_id) DO UPDATE SET {string.Join(", ", Columns.Skip(2).Select(c => $"{c} = excluded.{c}"))}
                        """);
                    AddMilestoneArrays(insert.Parameters, facts);
                    batchCommand.BatchCommands.Add(insert);
                }
                // Instances the case no longer has (a late event can undo a start) keep an older version: gone.
                var delete = new NpgsqlBatchCommand("""
                    DELETE FROM sla_milestone_fact f USING unnest(@ids, @versions) AS c(case_id, case_version)
                    WHERE f.case_id = c.case_id AND f.case_version < c.case_version
                    """);
                delete.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = taken.Select(f => f.CaseId).ToArray() });
                delete.Parameters.Add(new NpgsqlParameter("versions", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = taken.Select(f => f.Version).ToArray() });
                batchCommand.BatchCommands.Add(delete);
                await batchCommand.ExecuteNonQueryAsync();
            }
        }
        await transaction.CommitAsync();
        // After the commit, so an answer's ETag never names data a reader cannot see yet.
        await using var advance = new NpgsqlCommand("SELECT nextval('sla_report_change')", connection);
        await advance.ExecuteScalarAsync();
    }

    private static void AddMilestoneArrays(NpgsqlParameterCollection p, List<MilestoneFact> f)
    {
        Text(p, "case_id", f.Select(x => x.CaseId));
        Text(p, "milestone_id", f.Select(x => x.MilestoneId));
        Text(p, "milestone", f.Select(x => x.Milestone));
        p.Add(new NpgsqlParameter("instance", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = f.Select(x => x.Instance).ToArray() });
        Text(p, "process_id", f.Select(x => x.ProcessId));
        p.Add(new NpgsqlParameter("process_version", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = f.Select(x => x.ProcessVersion).ToArray() });
        Text(p, "entitlement_id", f.Select(x => x.EntitlementId));
        Text(p, "account_id", f.Select(x => x.AccountId));
        Text(p, "queue", f.Select(x => x.Queue));
        Text(p, "priority", f.Select(x => x.Priority));
        Text(p, "owner", f.Select(x => x.Owner));
        Text(p, "calendar_id", f.Select(x => x.CalendarId));
        Text(p, "status", f.Select(x => x.Status.ToString()));
        Times(p, "started_at", f.Select(x => (Instant?)x.StartedAt));
        Times(p, "target_at", f.Select(x => x.TargetAt));
        Times(p, "completed_at", f.Select(x => x.CompletedAt));
        Times(p, "violated_at", f.Select(x => x.ViolatedAt));
        Longs(p, "seconds_to_complete", f.Select(x => x.SecondsToComplete));
        Longs(p, "paused_seconds", f.Select(x => (long?)x.PausedSeconds));
        Longs(p, "overdue_seconds", f.Select(x => (long?)x.OverdueSeconds));
        Longs(p, "case_version", f.Select(x => (long?)x.CaseVersion));
    }

    private static void Text(NpgsqlCommand command, string name, IEnumerable<string?> values) => Text(command.Parameters, name, values);

    private static void Text(NpgsqlParameterCollection p, string name, IEnumerable<string?> values) =>
        p.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values.ToArray() });

    private static void Times(NpgsqlCommand command, string name, IEnumerable<Instant?> values) => Times(command.Parameters, name, values);

    private static void Times(NpgsqlParameterCollection p, string name, IEnumerable<Instant?> values) =>
        p.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = values.Select(v => v?.ToDateTimeUtc()).ToArray() });

    private static void Longs(NpgsqlCommand command, string name, IEnumerable<long?> values) => Longs(command.Parameters, name, values);

    private static void Longs(NpgsqlParameterCollection p, string name, IEnumerable<long?> values) =>
        p.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = values.ToArray() });

    public async Task<ComplianceReport> Compliance(ComplianceQuery query, IReadOnlyList<Instant> periods, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(periods);
        var first = query.GroupBy.Count > 0 ? Column(query.GroupBy[0]) : "NULL::text";
        var second = query.GroupBy.Count > 1 ? Column(query.GroupBy[1]) : "NULL::text";
        // Counts and sums are aggregated in SQL, one row per group and period; the business times to complete come back
        // as an array per group, and ComplianceTally takes their percentiles as the in-process store does. A quarter's
        // facts are read from the covering target index alone (40-reports.sql). The planner cannot tell how few groups
        // width_bucket makes and would sort a quarter's rows to group them: hashing them is what it should do, and
        // work_mem is raised so the groups' arrays stay in memory.
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var settings = new NpgsqlCommand("SET LOCAL work_mem = '64MB'; SET LOCAL enable_sort = off", connection, transaction))
        {
            await settings.ExecuteNonQueryAsync(cancellationToken);
        }
        await using var command = new NpgsqlCommand { Connection = connection, Transaction = transaction };
        var where = Where(command.Parameters, query.Filter);
        command.CommandText = $"""
            SELECT period, g1, g2,
                   count(*) FILTER (WHERE status = 'Met'), count(*) FILTER (WHERE status = 'MetLate'),
                   count(*) FILTER (WHERE status = 'Violated'), count(*) FILTER (WHERE status = 'Open'),
                   count(*) FILTER (WHERE status = 'Canceled'),
                   array_agg(seconds_to_complete) FILTER (WHERE status IN ('Met', 'MetLate') AND seconds_to_complete IS NOT NULL),
                   coalesce(sum(overdue_seconds) FILTER (WHERE status IN ('MetLate', 'Violated')), 0)::bigint
            FROM (SELECT width_bucket(target_at, @starts) - 1 AS period, {first} AS g1, {second} AS g2,
                         status, seconds_to_complete, overdue_seconds
                  FROM sla_milestone_fact WHERE {where}) f
            GROUP BY period, g1, g2
            """;
        command.Parameters.Add(new NpgsqlParameter("starts", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = periods.Select(p => p.ToDateTimeUtc()).ToArray() });
        var rows = new List<(ComplianceGroupKey, ComplianceFigures)>();
        var totals = new ComplianceTally();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var group = new ComplianceTally();
            group.Add(reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7),
                reader.IsDBNull(8) ? [] : reader.GetFieldValue<long[]>(8), reader.GetInt64(9));
            totals.Add(group);
            rows.Add((new ComplianceGroupKey(reader.GetInt32(0), NullableText(reader, 1), NullableText(reader, 2)), group.Figures()));
        }
        return ComplianceCalculator.Report(query, periods, rows, totals.Figures());
    }

    public async IAsyncEnumerable<MilestoneFact> Milestones(FactFilter filter, FactCursor? after, int? limit,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var command = _database.CreateCommand();
        var where = new StringBuilder(Where(command.Parameters, filter));
        if (after is not null)
        {
            where.Append(" AND (target_at, case_id, milestone_id) > (@after_target, @after_case, @after_milestone)");
            command.Parameters.Add(new NpgsqlParameter("after_target", NpgsqlDbType.TimestampTz) { Value = after.TargetAt.ToDateTimeUtc() });
            command.Parameters.Add(new NpgsqlParameter("after_case", NpgsqlDbType.Text) { Value = after.CaseId });
            command.Parameters.Add(new NpgsqlParameter("after_milestone", NpgsqlDbType.Text) { Value = after.MilestoneId });
        }
        command.CommandText = $"SELECT {string.Join(", ", Columns)} FROM sla_milestone_fact WHERE {where} ORDER BY target_at, case_id, milestone_id" +
                              (limit is { } n ? $" LIMIT {n}" : "");
        // Rows are read off the connection as the caller enumerates them: a whole export never sits in memory. Each row
        // is small, so it is buffered whole and its columns read without a wait each.
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new MilestoneFact
            {
                CaseId = reader.GetString(0),
                MilestoneId = reader.GetString(1),
                Milestone = reader.GetString(2),
                Instance = reader.GetInt32(3),
                ProcessId = reader.GetString(4),
                ProcessVersion = reader.GetInt32(5),
                EntitlementId = NullableText(reader, 6),
                AccountId = NullableText(reader, 7),
                Queue = NullableText(reader, 8),
                Priority = NullableText(reader, 9),
                Owner = NullableText(reader, 10),
                CalendarId = NullableText(reader, 11),
                Status = Enum.Parse<MilestoneFactStatus>(reader.GetString(12)),
                StartedAt = Instant.FromDateTimeUtc(reader.GetDateTime(13)),
                TargetAt = NullableInstant(reader, 14),
                CompletedAt = NullableInstant(reader, 15),
                ViolatedAt = NullableInstant(reader, 16),
                SecondsToComplete = reader.IsDBNull(17) ? null : reader.GetInt64(17),
                PausedSeconds = reader.GetInt64(18),
                OverdueSeconds = reader.GetInt64(19),
                CaseVersion = reader.GetInt64(20),
            };
        }
    }

    private static string? NullableText(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static Instant? NullableInstant(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Instant.FromDateTimeUtc(reader.GetDateTime(ordinal));

    public async Task<IReadOnlyList<string>> CaseIds(FactFilter filter, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var command = _database.CreateCommand();
        command.CommandText = $"SELECT DISTINCT case_id FROM sla_milestone_fact WHERE {Where(command.Parameters, filter)} ORDER BY case_id LIMIT {limit}";
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }
        return ids;
    }

    public async Task<long> Stamp(CancellationToken cancellationToken = default)
    {
        await using var command = _database.CreateCommand("SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM sla_report_change");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>The filter as SQL; its values go in as parameters, and only known column names are ever spliced in.</summary>
    private static string Where(NpgsqlParameterCollection parameters, FactFilter filter)
    {
        var where = new StringBuilder("target_at >= @from AND target_at < @to");
        parameters.Add(new NpgsqlParameter("from", NpgsqlDbType.TimestampTz) { Value = filter.From.ToDateTimeUtc() });
        parameters.Add(new NpgsqlParameter("to", NpgsqlDbType.TimestampTz) { Value = filter.To.ToDateTimeUtc() });
        foreach (var (dimension, values) in filter.Values)
        {
            var name = "f_" + Column(dimension);
            where.Append(" AND ").Append(Column(dimension)).Append(" = ANY(@").Append(name).Append(')');
            parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values.ToArray() });
        }
        return where.ToString();
    }

    private static string Column(ReportDimension dimension) => dimension switch
    {
        ReportDimension.Queue => "queue",
        ReportDimension.Milestone => "milestone",
        ReportDimension.Entitlement => "entitlement_id",
        ReportDimension.Account => "account_id",
        ReportDimension.Owner => "owner",
        ReportDimension.Priority => "priority",
        ReportDimension.Process => "process_id",
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, null),
    };

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
        await _database.DisposeAsync();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing a batch of {Cases} cases' report facts failed; each case sends its facts again")]
    private partial void LogBatchFailed(Exception ex, int cases);
}
