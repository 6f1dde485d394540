import type { FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Pool } from 'pg';
import { z } from 'zod';
import {
  citizenReportSchema,
  REPORT_STATUSES,
  reportLanguageOf,
  reportMessage,
  reportMessageOf,
  type ReportLanguage,
} from '../../src/domain/citizenReport';
import type { MunicipalityLocator } from '../../src/domain/places/municipalityLocator';
import { whereOutsideSweden } from '../../src/domain/rules/insideSweden';
import { AuthError, type AuthUser } from '../auth/types';
import { countReport, insertReport, listReports, reviewReport, type RateLimit } from '../store/citizenReports';

export interface ReportRoutesOptions {
  pool: Pool;
  verifyToken: (authorization: string | undefined) => Promise<AuthUser>;
  locator: MunicipalityLocator | null;
  /** The public site's origin for CORS (PUBLIC_SITE_ORIGIN); null: any origin, for this endpoint only. */
  publicSiteOrigin?: string | null;
  rateLimit?: RateLimit;
}

/** A report is a few fields and at most 1000 characters of comment: 4 kB is plenty. */
export const REPORT_BODY_LIMIT_BYTES = 4096;
export const DEFAULT_REPORT_RATE_LIMIT: RateLimit = { max: 5, windowSeconds: 600 };

const languageOf = (request: FastifyRequest): ReportLanguage => reportLanguageOf(request.headers['accept-language']);

/**
 * Citizens' reports (issue 13): `POST /api/public/reports` needs no account; the queue and its
 * review are for planners of the report's municipality only. Comments leave the server only here.
 */
export const reportRoutes: FastifyPluginAsync<ReportRoutesOptions> = async (app, options) => {
  await app.register(publicReportRoute, options);

  const plannerOf = async (request: FastifyRequest): Promise<AuthUser> => {
    const user = await options.verifyToken(request.headers.authorization);
    // Citizens' reports carry what citizens tell the municipality: planners review them, as
    // planners write the promises (writePermission.ts); police and readers do not see the queue.
    if (user.role !== 'planner') throw new AuthError(403, `rollen ${user.role} kan inte granska medborgarnas rapporter, bara planerare`);
    return user;
  };

  const listQuery = z.object({ status: z.enum(REPORT_STATUSES).default('pending'), limit: z.coerce.number().int().min(1).max(1000).default(200) });
  app.get('/api/reports', async (request, reply) => {
    const user = await plannerOf(request);
    const query = listQuery.parse(request.query);
    const reports = await listReports(options.pool, query.status, user.municipalities, query.limit);
    return reply.header('cache-control', 'no-store').send({ reports });
  });

  const idParams = z.object({ id: z.uuid('rapportens id ska vara ett uuid') });
  const acceptBody = z.object({ featureId: z.string().trim().min(1, 'ange den otrygga platsens id') });
  const review = async (request: FastifyRequest, reply: FastifyReply, decision: { accept: string } | { reject: true }) => {
    const user = await plannerOf(request);
    const { id } = idParams.parse(request.params);
    const outcome = await reviewReport(options.pool, id, user, decision);
    switch (outcome.kind) {
      case 'reviewed':
        return reply.send({ report: outcome.report });
      case 'not-found':
        return reply.code(404).send({ error: `rapporten ${id} finns inte i dina kommuners kö` });
      case 'already-reviewed':
        return reply.code(409).send({ error: `rapporten ${id} är redan granskad (${outcome.status === 'accepted' ? 'godkänd' : 'avvisad'})`, status: outcome.status });
      case 'bad-place':
        return reply.code(outcome.status).send({ error: outcome.message });
    }
  };
  app.post('/api/reports/:id/accept', async (request, reply) => review(request, reply, { accept: acceptBody.parse(request.body ?? {}).featureId }));
  app.post('/api/reports/:id/reject', async (request, reply) => review(request, reply, { reject: true }));
};

/** The public door, in a plugin of its own so its CORS headers and error messages reach it alone. */
const publicReportRoute: FastifyPluginAsync<ReportRoutesOptions> = async (app, options) => {
  const limit = options.rateLimit ?? DEFAULT_REPORT_RATE_LIMIT;
  const origin = options.publicSiteOrigin ?? '*';
  app.addHook('onSend', async (_request, reply) => {
    reply.header('access-control-allow-origin', origin);
    if (origin !== '*') reply.header('vary', 'Origin');
  });
  // Client errors before the handler (too large, not JSON) in the page's language too.
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const language = languageOf(request);
    if (error.statusCode === 413) return reply.code(413).send({ error: 'too-large', message: reportMessage('too-large', language) });
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)
      return reply.code(error.statusCode === 415 ? 415 : 400).send({ error: 'not-a-report', message: reportMessage('not-a-report', language) });
    request.log.error({ err: error }, 'report failed');
    return reply.code(500).send({ error: 'Internal server error' });
  });
  app.options('/api/public/reports', async (_request, reply) =>
    reply
      .code(204)
      .header('access-control-allow-methods', 'POST, OPTIONS')
      .header('access-control-allow-headers', 'content-type, accept-language')
      .header('access-control-max-age', '600')
      .send(),
  );

  app.post('/api/public/reports', { bodyLimit: REPORT_BODY_LIMIT_BYTES }, async (request, reply) => {
    const language = languageOf(request);
    // Every attempt counts, a refused one too: the limit is on what a client may send.
    if (!(await countReport(options.pool, request.ip, limit))) {
      return reply.code(429).header('retry-after', String(limit.windowSeconds)).send({ error: 'rate-limited', message: reportMessage('rate-limited', language) });
    }
    let body: unknown = request.body;
    // A text/plain body (Fastify's own parser gives a string) lets a page post without a CORS preflight.
    if (typeof body === 'string') {
      try {
        body = JSON.parse(body);
      } catch {
        body = undefined;
      }
    }
    const parsed = citizenReportSchema.safeParse(body);
    const invalid = (issues: { field: string; code: ReturnType<typeof reportMessageOf> }[]) =>
      reply.code(422).send({
        error: 'invalid-report',
        message: issues.map((i) => reportMessage(i.code, language)).join(' '),
        issues: issues.map((i) => ({ field: i.field, code: i.code, message: reportMessage(i.code, language) })),
      });
    if (!parsed.success) {
      const seen = new Set<string>();
      const issues = parsed.error.issues
        .map((i) => ({ field: String(i.path[0] ?? 'body'), code: reportMessageOf(i.message) }))
        .filter((i) => !seen.has(i.code) && seen.add(i.code));
      return invalid(issues);
    }
    const report = parsed.data;
    let municipalityCode = report.municipalityCode;
    if (report.position) {
      // The bounding box is the schema's; on land in a municipality is the polygons' (insideSweden.ts).
      const point = { type: 'Point' as const, coordinates: [report.position.lon, report.position.lat] };
      if (options.locator && whereOutsideSweden(point, options.locator)) return invalid([{ field: 'position', code: 'outside-sweden' }]);
      const hit = options.locator?.locatePosition(report.position.lon, report.position.lat);
      municipalityCode = hit?.code ?? municipalityCode;
    }
    if (!municipalityCode) return invalid([{ field: 'municipalityCode', code: 'municipality-missing' }]);
    const stored = await insertReport(options.pool, { ...report, municipalityCode }, municipalityCode);
    return reply.code(201).send({ id: stored.id, receivedAt: stored.receivedAt, message: reportMessage('received', language) });
  });
};
