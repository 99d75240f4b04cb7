-- Cluster membership (UseAdoNetClustering). One version row per cluster, bumped by every membership change under
-- optimistic concurrency: a write names the version it read and succeeds only if it is still current.

CREATE TABLE IF NOT EXISTS sla_membership_version
(
    deployment_id varchar(150) PRIMARY KEY,
    version       integer      NOT NULL DEFAULT 0,
    changed_at    timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS sla_silos
(
    deployment_id   varchar(150)  NOT NULL REFERENCES sla_membership_version (deployment_id),
    address         varchar(45)   NOT NULL,
    port            integer       NOT NULL,
    generation      integer       NOT NULL,
    silo_name       varchar(150)  NOT NULL,
    host_name       varchar(150)  NOT NULL,
    status          integer       NOT NULL,
    proxy_port      integer,
    suspect_times   varchar(8000),
    start_time      timestamptz   NOT NULL,
    i_am_alive_time timestamptz   NOT NULL,
    PRIMARY KEY (deployment_id, address, port, generation)
);

INSERT INTO orleansquery (querykey, querytext) VALUES
('InsertMembershipVersionKey', $q$
    WITH created AS (
        INSERT INTO sla_membership_version (deployment_id)
        VALUES (CAST(@DeploymentId AS varchar))
        ON CONFLICT (deployment_id) DO NOTHING
        RETURNING 1)
    SELECT count(*)::int FROM created;
$q$),

-- Insert a silo only while the version read is current, and bump the version only if the silo went in.
('InsertMembershipKey', $q$
    WITH current_version AS (
        SELECT deployment_id FROM sla_membership_version
        WHERE deployment_id = CAST(@DeploymentId AS varchar) AND version = CAST(@Version AS integer)
        FOR UPDATE),
    inserted AS (
        INSERT INTO sla_silos (deployment_id, address, port, generation, silo_name, host_name, status, proxy_port,
                               start_time, i_am_alive_time)
        SELECT deployment_id, CAST(@Address AS varchar), CAST(@Port AS integer), CAST(@Generation AS integer),
               CAST(@SiloName AS varchar), CAST(@HostName AS varchar), CAST(@Status AS integer),
               CAST(@ProxyPort AS integer), CAST(@StartTime AS timestamptz), CAST(@IAmAliveTime AS timestamptz)
        FROM current_version
        ON CONFLICT (deployment_id, address, port, generation) DO NOTHING
        RETURNING deployment_id),
    bumped AS (
        UPDATE sla_membership_version v SET version = v.version + 1, changed_at = now()
        FROM inserted WHERE v.deployment_id = inserted.deployment_id
        RETURNING 1)
    SELECT count(*)::int FROM bumped;
$q$),

('UpdateMembershipKey', $q$
    WITH current_version AS (
        SELECT deployment_id FROM sla_membership_version
        WHERE deployment_id = CAST(@DeploymentId AS varchar) AND version = CAST(@Version AS integer)
        FOR UPDATE),
    updated AS (
        UPDATE sla_silos s
        SET status = CAST(@Status AS integer),
            suspect_times = CAST(@SuspectTimes AS varchar),
            i_am_alive_time = CAST(@IAmAliveTime AS timestamptz)
        FROM current_version
        WHERE s.deployment_id = current_version.deployment_id
          AND s.address = CAST(@Address AS varchar) AND s.port = CAST(@Port AS integer)
          AND s.generation = CAST(@Generation AS integer)
        RETURNING s.deployment_id),
    bumped AS (
        UPDATE sla_membership_version v SET version = v.version + 1, changed_at = now()
        FROM updated WHERE v.deployment_id = updated.deployment_id
        RETURNING 1)
    SELECT count(*)::int FROM bumped;
$q$),

-- Liveness heartbeats change no membership decision, so they do not bump the version.
('UpdateIAmAlivetimeKey', $q$
    UPDATE sla_silos SET i_am_alive_time = CAST(@IAmAliveTime AS timestamptz)
    WHERE deployment_id = CAST(@DeploymentId AS varchar) AND address = CAST(@Address AS varchar)
      AND port = CAST(@Port AS integer) AND generation = CAST(@Generation AS integer);
$q$),

-- The version row always comes back, with or without a matching silo.
('MembershipReadRowKey', $q$
    SELECT v.deployment_id AS DeploymentId, s.address AS Address, s.port AS Port, s.generation AS Generation,
           s.silo_name AS SiloName, s.host_name AS HostName, s.status AS Status, s.proxy_port AS ProxyPort,
           s.suspect_times AS SuspectTimes, s.start_time AS StartTime, s.i_am_alive_time AS IAmAliveTime,
           v.version AS Version
    FROM sla_membership_version v
    LEFT JOIN sla_silos s ON s.deployment_id = v.deployment_id
        AND s.address = CAST(@Address AS varchar) AND s.port = CAST(@Port AS integer)
        AND s.generation = CAST(@Generation AS integer)
    WHERE v.deployment_id = CAST(@DeploymentId AS varchar);
$q$),

('MembershipReadAllKey', $q$
    SELECT v.deployment_id AS DeploymentId, s.address AS Address, s.port AS Port, s.generation AS Generation,
           s.silo_name AS SiloName, s.host_name AS HostName, s.status AS Status, s.proxy_port AS ProxyPort,
           s.suspect_times AS SuspectTimes, s.start_time AS StartTime, s.i_am_alive_time AS IAmAliveTime,
           v.version AS Version
    FROM sla_membership_version v
    LEFT JOIN sla_silos s ON s.deployment_id = v.deployment_id
    WHERE v.deployment_id = CAST(@DeploymentId AS varchar);
$q$),

('DeleteMembershipTableEntriesKey', $q$
    DELETE FROM sla_silos WHERE deployment_id = CAST(@DeploymentId AS varchar);
    DELETE FROM sla_membership_version WHERE deployment_id = CAST(@DeploymentId AS varchar);
$q$),

('GatewaysQueryKey', $q$
    SELECT address AS Address, proxy_port AS ProxyPort, generation AS Generation
    FROM sla_silos
    WHERE deployment_id = CAST(@DeploymentId AS varchar) AND status = CAST(@Status AS integer) AND proxy_port > 0;
$q$),

-- Status 3 is Active: only silos that stopped answering long ago are swept.
('CleanupDefunctSiloEntriesKey', $q$
    DELETE FROM sla_silos
    WHERE deployment_id = CAST(@DeploymentId AS varchar)
      AND i_am_alive_time < CAST(@IAmAliveTime AS timestamptz) AND status <> 3;
$q$)
ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;
