-- Durable reminders (UseAdoNetReminderService): every case deadline is a row here. Each silo owns a range of grain
-- hashes and re-reads it periodically, hence the index on (service_id, grain_hash).

CREATE TABLE IF NOT EXISTS sla_reminders
(
    service_id    varchar(150) NOT NULL,
    grain_id      varchar(150) NOT NULL,
    reminder_name varchar(150) NOT NULL,
    start_time    timestamptz  NOT NULL,
    period        bigint       NOT NULL,
    grain_hash    integer      NOT NULL,
    version       integer      NOT NULL,
    PRIMARY KEY (service_id, grain_id, reminder_name)
);

CREATE INDEX IF NOT EXISTS sla_reminders_by_hash ON sla_reminders (service_id, grain_hash);

INSERT INTO orleansquery (querykey, querytext) VALUES
('UpsertReminderRowKey', $q$
    INSERT INTO sla_reminders (service_id, grain_id, reminder_name, start_time, period, grain_hash, version)
    VALUES (CAST(@ServiceId AS varchar), CAST(@GrainId AS varchar), CAST(@ReminderName AS varchar),
            CAST(@StartTime AS timestamptz), CAST(@Period AS bigint), CAST(@GrainHash AS integer), 0)
    ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
        SET start_time = excluded.start_time, period = excluded.period, grain_hash = excluded.grain_hash,
            version = sla_reminders.version + 1
    RETURNING version AS Version;
$q$),

('ReadReminderRowsKey', $q$
    SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime, period AS Period, version AS Version
    FROM sla_reminders
    WHERE service_id = CAST(@ServiceId AS varchar) AND grain_id = CAST(@GrainId AS varchar);
$q$),

('ReadReminderRowKey', $q$
    SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime, period AS Period, version AS Version
    FROM sla_reminders
    WHERE service_id = CAST(@ServiceId AS varchar) AND grain_id = CAST(@GrainId AS varchar)
      AND reminder_name = CAST(@ReminderName AS varchar);
$q$),

-- A silo's range (begin, end] of the hash ring; when it wraps around, the second form reads both ends.
('ReadRangeRows1Key', $q$
    SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime, period AS Period, version AS Version
    FROM sla_reminders
    WHERE service_id = CAST(@ServiceId AS varchar)
      AND grain_hash > CAST(@BeginHash AS integer) AND grain_hash <= CAST(@EndHash AS integer);
$q$),

('ReadRangeRows2Key', $q$
    SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime, period AS Period, version AS Version
    FROM sla_reminders
    WHERE service_id = CAST(@ServiceId AS varchar)
      AND (grain_hash > CAST(@BeginHash AS integer) OR grain_hash <= CAST(@EndHash AS integer));
$q$),

('DeleteReminderRowKey', $q$
    WITH deleted AS (
        DELETE FROM sla_reminders
        WHERE service_id = CAST(@ServiceId AS varchar) AND grain_id = CAST(@GrainId AS varchar)
          AND reminder_name = CAST(@ReminderName AS varchar) AND version = CAST(@Version AS integer)
        RETURNING 1)
    SELECT count(*)::int FROM deleted;
$q$),

('DeleteReminderRowsKey', $q$
    DELETE FROM sla_reminders WHERE service_id = CAST(@ServiceId AS varchar);
$q$)
ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;
