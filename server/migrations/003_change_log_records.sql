-- Which records each change set touched, so the history of one record (GET /api/history) is an
-- index lookup instead of a scan through every change set's JSON. One row per (change set, table,
-- id); appendToLog (server/store/changeLog.ts) writes them in the transaction of the log entry.
CREATE TABLE change_log_records (
  -- No foreign key to change_log: the rows are written right after their log entry, in its
  -- transaction, and neither table is ever changed; a per-row check would only slow down an
  -- import of 100 000 places.
  seq bigint NOT NULL,
  table_name text NOT NULL CHECK (table_name IN ('documents', 'focusAreas', 'activities', 'features')),
  record_id text NOT NULL,
  -- The key is the history's index: one record's entries, in sequence order.
  PRIMARY KEY (table_name, record_id, seq)
);

-- Part of the log: append-only like it (the function of 001 names change_log, hence one for both).
CREATE FUNCTION log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER change_log_records_no_update_delete BEFORE UPDATE OR DELETE ON change_log_records
  FOR EACH ROW EXECUTE FUNCTION log_append_only();
CREATE TRIGGER change_log_records_no_truncate BEFORE TRUNCATE ON change_log_records
  FOR EACH STATEMENT EXECUTE FUNCTION log_append_only();

-- The change sets logged before this migration: the ids they put and deleted, in every table
-- (the same ids touchedIds() gives appendToLog; UNION drops an id both deleted and put).
INSERT INTO change_log_records (seq, table_name, record_id)
SELECT l.seq, t.table_name, touched.id
FROM change_log l
CROSS JOIN unnest(ARRAY['documents', 'focusAreas', 'activities', 'features']) AS t (table_name)
CROSS JOIN LATERAL (
  SELECT put->>'id' AS id FROM jsonb_array_elements(l.forward->'put'->t.table_name) AS put
  UNION
  SELECT deleted FROM jsonb_array_elements_text(l.forward->'delete'->t.table_name) AS deleted
) AS touched;
