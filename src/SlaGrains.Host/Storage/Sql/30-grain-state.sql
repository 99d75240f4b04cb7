-- Grain state (AddAdoNetGrainStorage): one row per grain, its state as the Orleans-serialized payload, and a version
-- that every write must name (optimistic concurrency: a stale writer gets an inconsistent-state error, not a win).

CREATE TABLE IF NOT EXISTS sla_grain_state
(
    service_id      varchar(150) NOT NULL,
    grain_type_hash integer      NOT NULL,
    grain_type      varchar(512) NOT NULL,
    grain_id_hash   integer      NOT NULL,
    grain_id_n0     bigint       NOT NULL,
    grain_id_n1     bigint       NOT NULL,
    grain_id_key    varchar(512),
    payload         bytea,
    version         integer      NOT NULL,
    modified_at     timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT sla_grain_state_identity UNIQUE NULLS NOT DISTINCT
        (service_id, grain_type_hash, grain_id_hash, grain_id_n0, grain_id_n1, grain_type, grain_id_key)
);

INSERT INTO orleansquery (querykey, querytext) VALUES
('ReadFromStorageKey', $q$
    SELECT payload AS PayloadBinary, now() AS ReadAt, version AS Version
    FROM sla_grain_state
    WHERE service_id = CAST(@ServiceId AS varchar) AND grain_type_hash = CAST(@GrainTypeHash AS integer)
      AND grain_id_hash = CAST(@GrainIdHash AS integer) AND grain_id_n0 = CAST(@GrainIdN0 AS bigint)
      AND grain_id_n1 = CAST(@GrainIdN1 AS bigint) AND grain_type = CAST(@GrainTypeString AS varchar)
      AND grain_id_key IS NOT DISTINCT FROM CAST(@GrainIdExtensionString AS varchar);
$q$),

-- First write (no version read): insert unless a row exists. Later writes: update only the version read.
-- When neither happens the version sent comes back unchanged, which Orleans reports as a concurrency conflict.
('WriteToStorageKey', $q$
    WITH inserted AS (
        INSERT INTO sla_grain_state (service_id, grain_type_hash, grain_type, grain_id_hash, grain_id_n0, grain_id_n1,
                                     grain_id_key, payload, version)
        SELECT CAST(@ServiceId AS varchar), CAST(@GrainTypeHash AS integer), CAST(@GrainTypeString AS varchar),
               CAST(@GrainIdHash AS integer), CAST(@GrainIdN0 AS bigint), CAST(@GrainIdN1 AS bigint),
               CAST(@GrainIdExtensionString AS varchar), CAST(@PayloadBinary AS bytea), 1
        WHERE CAST(@GrainStateVersion AS integer) IS NULL
        ON CONFLICT ON CONSTRAINT sla_grain_state_identity DO NOTHING
        RETURNING version),
    updated AS (
        UPDATE sla_grain_state
        SET payload = CAST(@PayloadBinary AS bytea), version = version + 1, modified_at = now()
        WHERE CAST(@GrainStateVersion AS integer) IS NOT NULL
          AND service_id = CAST(@ServiceId AS varchar) AND grain_type_hash = CAST(@GrainTypeHash AS integer)
          AND grain_id_hash = CAST(@GrainIdHash AS integer) AND grain_id_n0 = CAST(@GrainIdN0 AS bigint)
          AND grain_id_n1 = CAST(@GrainIdN1 AS bigint) AND grain_type = CAST(@GrainTypeString AS varchar)
          AND grain_id_key IS NOT DISTINCT FROM CAST(@GrainIdExtensionString AS varchar)
          AND version = CAST(@GrainStateVersion AS integer)
        RETURNING version)
    SELECT COALESCE((SELECT version FROM inserted), (SELECT version FROM updated), CAST(@GrainStateVersion AS integer))
        AS NewGrainStateVersion;
$q$),

('ClearStorageKey', $q$
    UPDATE sla_grain_state
    SET payload = NULL, version = version + 1, modified_at = now()
    WHERE service_id = CAST(@ServiceId AS varchar) AND grain_type_hash = CAST(@GrainTypeHash AS integer)
      AND grain_id_hash = CAST(@GrainIdHash AS integer) AND grain_id_n0 = CAST(@GrainIdN0 AS bigint)
      AND grain_id_n1 = CAST(@GrainIdN1 AS bigint) AND grain_type = CAST(@GrainTypeString AS varchar)
      AND grain_id_key IS NOT DISTINCT FROM CAST(@GrainIdExtensionString AS varchar)
      AND version = CAST(@GrainStateVersion AS integer)
    RETURNING version AS NewGrainStateVersion;
$q$),

('DeleteStorageKey', $q$
    DELETE FROM sla_grain_state
    WHERE service_id = CAST(@ServiceId AS varchar) AND grain_type_hash = CAST(@GrainTypeHash AS integer)
      AND grain_id_hash = CAST(@GrainIdHash AS integer) AND grain_id_n0 = CAST(@GrainIdN0 AS bigint)
      AND grain_id_n1 = CAST(@GrainIdN1 AS bigint) AND grain_type = CAST(@GrainTypeString AS varchar)
      AND grain_id_key IS NOT DISTINCT FROM CAST(@GrainIdExtensionString AS varchar)
      AND version = CAST(@GrainStateVersion AS integer)
    RETURNING version + 1 AS NewGrainStateVersion;
$q$)
ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;
