/**
 * Citizens' reports in PostgreSQL (migration 005): the moderation queue, its review, and the
 * rate limit every API instance shares. Each write is one statement or one transaction.
 *
 * "Accepted as a survey answer of an unsafe place" means here: the report keeps its row, marked
 * accepted, linked to the place (feature_id) and given the answer's position, which is the place's
 * own point (PostGIS ST_PointOnSurface of its geometry), never the reporter's mark, with the
 * report's time of day and reasons and the year it came in. These answers are read by planners
 * (GET /api/reports?status=accepted) and by Publish as one answer set, so they are counted in the
 * published cells like any survey's answers and never shown one by one. They are not records of
 * the change log: the browsers' answer sets are not synced either (README, survey answers).
 */
import type { Pool, PoolClient } from 'pg';
import type { CitizenReport, ReportStatus } from '../../src/domain/citizenReport';
import { CITIZEN_REPORT_SURVEY } from '../../src/domain/citizenReport';
import type { SurveyAnswer } from '../../src/domain/surveyAnswer';

export interface RateLimit {
  max: number;
  windowSeconds: number;
}

/**
 * Counts one report of a client in the current window and says whether it is within the limit.
 * The key is SHA-256 of the database's salt and the IP, computed in the statement: the IP is a
 * parameter, never a stored value. Past windows are cleared in the same transaction.
 */
export async function countReport(pool: Pool, ip: string, limit: RateLimit): Promise<boolean> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`DELETE FROM report_rate_limits WHERE window_start < now() - make_interval(secs => $1::int)`, [limit.windowSeconds]);
    const { rows } = await client.query<{ count: number }>(
      `INSERT INTO report_rate_limits (client_hash, window_start, count)
       SELECT encode(sha256(convert_to(s.value || '|' || $1::text, 'UTF8')), 'hex'),
              to_timestamp(floor(extract(epoch FROM now()) / $2::int) * $2::int), 1
         FROM server_secrets s WHERE s.name = 'report-ip-salt'
       ON CONFLICT (client_hash, window_start) DO UPDATE SET count = report_rate_limits.count + 1
       RETURNING count`,
      [ip, limit.windowSeconds],
    );
    await client.query('COMMIT');
    const count = rows[0]?.count;
    if (count === undefined) throw new Error('server_secrets has no report-ip-salt (migration 005)');
    return count <= limit.max;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

export async function insertReport(pool: Pool, report: CitizenReport, municipalityCode: string): Promise<{ id: string; receivedAt: string }> {
  const { rows } = await pool.query<{ id: string; received_at: Date }>(
    'INSERT INTO citizen_reports (report, municipality_code) VALUES ($1::jsonb, $2) RETURNING id, received_at',
    [JSON.stringify(report), municipalityCode],
  );
  return { id: rows[0]!.id, receivedAt: rows[0]!.received_at.toISOString() };
}

export interface StoredReport {
  id: string;
  receivedAt: string;
  municipalityCode: string;
  status: ReportStatus;
  report: CitizenReport;
  reviewedBy: string | null;
  reviewedAt: string | null;
  featureId: string | null;
}

interface ReportRow {
  id: string;
  received_at: Date;
  municipality_code: string;
  status: ReportStatus;
  report: CitizenReport;
  reviewed_by: string | null;
  reviewed_at: Date | null;
  feature_id: string | null;
}

const fromRow = (row: ReportRow): StoredReport => ({
  id: row.id,
  receivedAt: row.received_at.toISOString(),
  municipalityCode: row.municipality_code,
  status: row.status,
  report: row.report,
  reviewedBy: row.reviewed_by,
  reviewedAt: row.reviewed_at?.toISOString() ?? null,
  featureId: row.feature_id,
});

/** A planner's queue: the reports of their municipalities with the status asked for, oldest first. */
export async function listReports(pool: Pool, status: ReportStatus, municipalities: readonly string[], limit: number): Promise<StoredReport[]> {
  const { rows } = await pool.query<ReportRow>(
    `SELECT id, received_at, municipality_code, status, report, reviewed_by, reviewed_at, feature_id
       FROM citizen_reports WHERE status = $1 AND municipality_code = ANY($2::text[])
      ORDER BY received_at, id LIMIT $3`,
    [status, [...municipalities], limit],
  );
  return rows.map(fromRow);
}

export type ReviewOutcome =
  | { kind: 'reviewed'; report: StoredReport }
  | { kind: 'not-found' }
  | { kind: 'already-reviewed'; status: ReportStatus }
  | { kind: 'bad-place'; message: string; status: 403 | 422 };

export interface Reviewer {
  email: string;
  municipalities: readonly string[];
}

/**
 * Accepts (with an unsafe place) or rejects a pending report of the reviewer's municipalities, in
 * one transaction with the report's row locked, so two planners cannot review it twice.
 */
export async function reviewReport(pool: Pool, id: string, reviewer: Reviewer, decision: { accept: string } | { reject: true }): Promise<ReviewOutcome> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const outcome = await reviewIn(client, id, reviewer, decision);
    await client.query(outcome.kind === 'reviewed' ? 'COMMIT' : 'ROLLBACK');
    return outcome;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function reviewIn(client: PoolClient, id: string, reviewer: Reviewer, decision: { accept: string } | { reject: true }): Promise<ReviewOutcome> {
  const found = await client.query<{ status: ReportStatus }>(
    'SELECT status FROM citizen_reports WHERE id = $1 AND municipality_code = ANY($2::text[]) FOR UPDATE',
    [id, [...reviewer.municipalities]],
  );
  // Another municipality's report is not found: its existence is not the planner's to know.
  const row = found.rows[0];
  if (!row) return { kind: 'not-found' };
  if (row.status !== 'pending') return { kind: 'already-reviewed', status: row.status };
  if ('accept' in decision) {
    const place = await client.query<{ municipality_code: string | null; layer: string | null }>(
      `SELECT municipality_code, record->>'layer' AS layer FROM records WHERE table_name = 'features' AND id = $1`,
      [decision.accept],
    );
    const feature = place.rows[0];
    if (!feature) return { kind: 'bad-place', status: 422, message: `platsen ${decision.accept} finns inte` };
    if (feature.layer !== 'unsafe-place') return { kind: 'bad-place', status: 422, message: `platsen ${decision.accept} är inte en otrygg plats` };
    if (!feature.municipality_code || !reviewer.municipalities.includes(feature.municipality_code))
      return { kind: 'bad-place', status: 403, message: `platsen ${decision.accept} ligger utanför dina kommuner (${reviewer.municipalities.join(', ') || 'inga'})` };
  }
  const updated = await client.query<ReportRow>(
    `UPDATE citizen_reports r SET status = $2, reviewed_by = $3, reviewed_at = now(), feature_id = $4,
            answer_geom = (SELECT ST_PointOnSurface(geom) FROM records WHERE table_name = 'features' AND id = $4)
      WHERE r.id = $1
      RETURNING id, received_at, municipality_code, status, report, reviewed_by, reviewed_at, feature_id`,
    [id, 'accept' in decision ? 'accepted' : 'rejected', reviewer.email, 'accept' in decision ? decision.accept : null],
  );
  return { kind: 'reviewed', report: fromRow(updated.rows[0]!) };
}

/** The accepted reports as survey answers (no comment, no place name, no reviewer): what Publish counts. */
export async function acceptedAnswers(client: Pool | PoolClient): Promise<SurveyAnswer[]> {
  const { rows } = await client.query<{ lon: number; lat: number; year: number; report: CitizenReport }>(
    `SELECT ST_X(answer_geom) AS lon, ST_Y(answer_geom) AS lat, extract(year FROM received_at)::int AS year, report
       FROM citizen_reports WHERE status = 'accepted' ORDER BY received_at, id`,
  );
  return rows.map((r) => ({ lon: r.lon, lat: r.lat, year: r.year, survey: CITIZEN_REPORT_SURVEY, timeOfDay: r.report.timeOfDay, reasons: r.report.reasons }));
}
