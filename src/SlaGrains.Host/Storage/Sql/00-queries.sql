-- SlaGrains on PostgreSQL: the schema Orleans' ADO.NET providers run against.
--
-- The providers issue no SQL of their own. At startup they read the text of every statement from orleansquery, keyed
-- by names they know (UpsertReminderRowKey, ...), then bind parameters by name (@ServiceId, ...) and read result
-- columns by name (case-insensitively). Those keys, parameter names and column names are the contract; the tables
-- behind them are ours. Every script here is idempotent: applying it again changes nothing or updates query text.
-- Parameters are cast explicitly because the providers bind nulls without a type.

CREATE TABLE IF NOT EXISTS orleansquery
(
    querykey  varchar(64) PRIMARY KEY,
    querytext text        NOT NULL
);

CREATE TABLE IF NOT EXISTS sla_schema_history
(
    script     varchar(128) PRIMARY KEY,
    checksum   char(64)     NOT NULL,
    applied_at timestamptz  NOT NULL DEFAULT now()
);
