-- The team map's records and its append-only change log (issue 10).
CREATE EXTENSION IF NOT EXISTS postgis;

-- One row per record of the four browser tables; the record itself is the JSON the browser's zod
-- schemas check (src/domain), the columns beside it are what the server filters and indexes on.
CREATE TABLE records (
  table_name text NOT NULL CHECK (table_name IN ('documents', 'focusAreas', 'activities', 'features')),
  id text NOT NULL,
  version integer NOT NULL,
  municipality_code text,
  -- Only places have a geometry; WGS 84 like the GeoJSON the browser writes.
  geom geometry(Geometry, 4326) CHECK (geom IS NULL OR table_name = 'features'),
  record jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text,
  PRIMARY KEY (table_name, id)
);
CREATE INDEX records_geom ON records USING gist (geom);
CREATE INDEX records_municipality ON records (municipality_code);

-- Every accepted change set, in the order the server accepted it. seq is handed out by the server;
-- change_id is the client's idempotency id, so a retried push is recognised, not applied twice.
CREATE TABLE change_log (
  seq bigint PRIMARY KEY,
  change_id uuid UNIQUE NOT NULL,
  author text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  label text,
  forward jsonb NOT NULL,
  inverse jsonb NOT NULL,
  base_versions jsonb NOT NULL,
  result_versions jsonb NOT NULL
);

-- History and sync trust the log: nothing in it is ever changed or removed.
CREATE FUNCTION change_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'change_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER change_log_no_update_delete BEFORE UPDATE OR DELETE ON change_log
  FOR EACH ROW EXECUTE FUNCTION change_log_append_only();
CREATE TRIGGER change_log_no_truncate BEFORE TRUNCATE ON change_log
  FOR EACH STATEMENT EXECUTE FUNCTION change_log_append_only();
