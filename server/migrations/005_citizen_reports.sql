-- Citizens' reports (issue 13): what a citizen sends from the public site, without an account,
-- kept apart from the team's records (not versioned, not in the change log, never pulled by the
-- browsers' sync) until a planner reviews it. An accepted report becomes a survey answer of an
-- unsafe place: it keeps its row here, linked to the place, with the answer's position (the
-- place's point, never the reporter's own mark) and is counted in the published cells; it is
-- never published one by one. The comment and the place name are read only by planners.
CREATE TABLE citizen_reports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  received_at timestamptz NOT NULL DEFAULT now(),
  -- The report as src/domain/citizenReport.ts checked it.
  report jsonb NOT NULL,
  -- The municipality it concerns: the position's, else the one the citizen chose with a place name.
  municipality_code text NOT NULL CHECK (municipality_code ~ '^\d{4}$'),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'rejected')),
  reviewed_by text,
  reviewed_at timestamptz,
  -- Accepted: the unsafe place (records: features, layer unsafe-place) and the answer's position.
  feature_id text,
  answer_geom geometry(Point, 4326),
  CHECK ((status = 'pending') = (reviewed_at IS NULL) AND (reviewed_at IS NULL) = (reviewed_by IS NULL)),
  CHECK ((status = 'accepted') = (feature_id IS NOT NULL) AND (feature_id IS NULL) = (answer_geom IS NULL))
);
CREATE INDEX citizen_reports_queue ON citizen_reports (municipality_code, status, received_at);
CREATE INDEX citizen_reports_feature ON citizen_reports (feature_id) WHERE status = 'accepted';

-- Rate limiting shared by every API instance: reports per client and fixed window, keyed by a
-- salted SHA-256 of the client's IP; the IP itself is never stored. Rows of past windows are
-- deleted as new ones are counted.
CREATE TABLE report_rate_limits (
  client_hash text NOT NULL,
  window_start timestamptz NOT NULL,
  count integer NOT NULL,
  PRIMARY KEY (client_hash, window_start)
);
-- The salt, made once per database so all instances hash alike (two random UUIDs: 244 random bits).
CREATE TABLE server_secrets (
  name text PRIMARY KEY,
  value text NOT NULL
);
INSERT INTO server_secrets (name, value)
VALUES ('report-ip-salt', replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''));
