import { z } from 'zod';
import { citizenReportSchema, type CitizenReport } from '../../domain/citizenReport';

/** An authenticated request to the team server (the signed-in user's token added). */
export type TeamRequest = (path: string, init?: RequestInit) => Promise<Response>;

/** A citizen's report waiting in the moderation queue (issue 13), as the server lists it to planners. */
export interface QueuedReport {
  id: string;
  receivedAt: string;
  municipalityCode: string;
  report: CitizenReport;
}

const queueSchema = z.object({
  reports: z.array(z.object({ id: z.string(), receivedAt: z.string(), municipalityCode: z.string(), report: citizenReportSchema })),
});

/** The server's answer as one sentence for the planner: its own message when it gave one. */
async function failure(response: Response): Promise<Error> {
  const body = (await response.json().catch(() => null)) as { error?: unknown; problems?: unknown } | null;
  const problems = Array.isArray(body?.problems) ? body.problems.map(String) : [];
  return new ModerationError(response.status, typeof body?.error === 'string' ? body.error : `HTTP ${response.status}`, problems);
}

export class ModerationError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly problems: readonly string[] = [],
  ) {
    super(message);
  }
}

export async function fetchQueue(request: TeamRequest): Promise<QueuedReport[]> {
  const response = await request('api/reports?status=pending');
  if (!response.ok) throw await failure(response);
  return queueSchema.parse(await response.json()).reports;
}

/** Accepts a report as a survey answer of an unsafe place, or rejects it. */
export async function reviewReport(request: TeamRequest, id: string, decision: { accept: string } | { reject: true }): Promise<void> {
  const path = `api/reports/${encodeURIComponent(id)}/${'accept' in decision ? 'accept' : 'reject'}`;
  const response = await request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify('accept' in decision ? { featureId: decision.accept } : {}) });
  if (!response.ok) throw await failure(response);
}

/** Publishes the citizens' site from the server's data; refused (with the problems) when it would reveal what must stay private. */
export async function publishSite(request: TeamRequest): Promise<{ files: number; ms: number }> {
  const response = await request('api/publish', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  if (!response.ok) throw await failure(response);
  const body = z.object({ files: z.number(), milliseconds: z.number() }).parse(await response.json());
  return { files: body.files, ms: body.milliseconds };
}
