-- Reports' read model (docs/architecture.md, "Reports"): one row per milestone instance and one per case, written by
-- the cases through PostgresReportStore. Each row carries the case version it was computed at; a write of an older
-- version than the case row holds is ignored. Text columns compare bytewise (COLLATE "C"), as the API orders them.

CREATE TABLE IF NOT EXISTS sla_case_fact
(
    case_id          text COLLATE "C" PRIMARY KEY,
    process_id       text COLLATE "C",
    process_version  integer,
    entitlement_id   text COLLATE "C",
    account_id       text COLLATE "C",
    queue            text COLLATE "C",
    priority         text COLLATE "C",
    owner            text COLLATE "C",
    opened_at        timestamptz,
    closed_at        timestamptz,
    reopened_count   integer NOT NULL,
    first_response_at timestamptz,
    case_version     bigint  NOT NULL
);

CREATE TABLE IF NOT EXISTS sla_milestone_fact
(
    case_id             text COLLATE "C" NOT NULL,
    milestone_id        text COLLATE "C" NOT NULL,
    milestone           text COLLATE "C" NOT NULL,
    instance            integer NOT NULL,
    process_id          text COLLATE "C" NOT NULL,
    process_version     integer NOT NULL,
    entitlement_id      text COLLATE "C",
    account_id          text COLLATE "C",
    queue               text COLLATE "C",
    priority            text COLLATE "C",
    owner               text COLLATE "C",
    calendar_id         text COLLATE "C",
    status              text    NOT NULL,
    started_at          timestamptz NOT NULL,
    target_at           timestamptz,
    completed_at        timestamptz,
    violated_at         timestamptz,
    seconds_to_complete bigint,
    paused_seconds      bigint  NOT NULL,
    overdue_seconds     bigint  NOT NULL,
    case_version        bigint  NOT NULL,
    PRIMARY KEY (case_id, milestone_id)
);

-- Index-only scans need the visibility map to be current: vacuum the facts after a small share of them changed, not the
-- default fifth of the table, so a large table's settled months stay readable from the index alone.
ALTER TABLE sla_milestone_fact SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_insert_scale_factor = 0.01);

-- Reports and the fact listing read a range of targets (the listing in this order); filters by queue and process are
-- the common ones. The target index also carries every column the compliance report groups, filters or counts by, so
-- a report reads the index alone (an index-only scan) and not the wider rows.
CREATE INDEX IF NOT EXISTS sla_milestone_fact_by_target ON sla_milestone_fact (target_at, case_id, milestone_id)
    INCLUDE (status, seconds_to_complete, overdue_seconds, queue, milestone, priority, process_id, entitlement_id, account_id, owner);
CREATE INDEX IF NOT EXISTS sla_milestone_fact_queue ON sla_milestone_fact (queue, target_at);
CREATE INDEX IF NOT EXISTS sla_milestone_fact_process ON sla_milestone_fact (process_id, target_at);

-- Advanced after every committed write: report answers' ETags.
CREATE SEQUENCE IF NOT EXISTS sla_report_change;
