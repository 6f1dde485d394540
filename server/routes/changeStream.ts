import type { ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyPluginAsync } from 'fastify';
import { decodeJwt } from 'jose';
import type { Pool } from 'pg';
import { z } from 'zod';
import type { AuthUser } from '../auth/types';
import type { ChangeFeed, FeedSignal } from '../live/listener';
import { readSince } from '../store/changeLog';

export interface ChangeStreamOptions {
  pool: Pool;
  verifyToken: (authorization: string | undefined) => Promise<AuthUser>;
  feed: ChangeFeed;
  /** Between heartbeat comments (default 15 s): keeps proxies from closing an idle stream. */
  heartbeatMs?: number;
  /** Log entries per read (default 500). */
  pageSize?: number;
}

/** What a browser's EventSource waits before reconnecting by itself (it then sends Last-Event-ID). */
const RETRY_MS = 2000;
/** After a failed read (PostgreSQL away), the stream tries again this often until it succeeds. */
const READ_RETRY_MS = 1000;

const streamQuery = z.object({
  since: z.coerce.number().int().nonnegative().default(0),
  access_token: z.string().min(1).optional(),
});
const eventId = z.coerce.number().int().nonnegative();

/**
 * GET /api/changes/stream?since=N: the change log as server-sent events. On open it sends every
 * change after N (or after Last-Event-ID, when the client reconnects), then `ready` (with the
 * newest seq, so a client can tell it is caught up), then each new change as it commits on any
 * API instance:
 *
 *     id: <seq>
 *     event: change
 *     data: <LoggedChange as JSON>
 *
 * and a `: ping` comment every 15 s. Order and uniqueness come from one cursor per stream: only
 * the log (read with readSince, seq > cursor, oldest first) is sent, never a notification's
 * payload, and the cursor only moves forward. Since seqs are handed out gaplessly in commit
 * order (applyPush), a client that has seen N never later gets a change below N, nor one twice.
 *
 * Sign-in: the bearer token in the Authorization header, as on every route. Because a browser's
 * EventSource cannot set headers, this route (and only this one) also takes `?access_token=`,
 * verified the same way; the stream ends when that token expires, and the client opens a new one
 * with a fresh token and Last-Event-ID (or since=) to resume.
 */
export const changeStreamRoutes: FastifyPluginAsync<ChangeStreamOptions> = async (app, options) => {
  const { pool, verifyToken, feed } = options;
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const pageSize = options.pageSize ?? 500;
  const open = new Set<ChangeStream>();

  // Open streams never end by themselves: end them so that closing the app does not wait on them.
  app.addHook('preClose', async () => {
    for (const stream of [...open]) stream.end();
  });

  // No HEAD twin: a HEAD request would hold a stream open that can never carry a body.
  app.get('/api/changes/stream', { exposeHeadRoute: false }, async (request, reply) => {
    const query = streamQuery.safeParse(request.query);
    if (!query.success) return reply.code(422).send({ error: 'invalid-query', issues: query.error.issues.map((i) => ({ code: 'schema', subject: i.path.join('.'), message: i.message })) });
    const authorization = request.headers.authorization ?? (query.data.access_token ? `Bearer ${query.data.access_token}` : undefined);
    await verifyToken(authorization);
    const lastEventHeader = request.headers['last-event-id'];
    let resumeFrom = 0;
    if (typeof lastEventHeader === 'string' && lastEventHeader.trim() !== '') {
      const parsed = eventId.safeParse(lastEventHeader.trim());
      if (!parsed.success) return reply.code(422).send({ error: 'invalid-query', issues: [{ code: 'schema', subject: 'Last-Event-ID', message: 'must be a sequence number' }] });
      resumeFrom = parsed.data;
    }
    // The client has seen both: resume after the later one.
    const cursor = Math.max(query.data.since, resumeFrom);

    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      // nginx and similar proxies would otherwise buffer the stream.
      'x-accel-buffering': 'no',
    });
    request.raw.socket.setNoDelay(true);
    request.raw.socket.setKeepAlive(true);
    raw.write(`retry: ${RETRY_MS}\n\n`);

    const stream = new ChangeStream(raw, pool, cursor, pageSize, request.log);
    open.add(stream);
    // Subscribe before the first read: a commit between the two is then read again, never missed.
    const unsubscribe = feed.subscribe((signal) => stream.signal(signal));
    const heartbeat = setInterval(() => stream.ping(), heartbeatMs);
    const expiry = tokenExpiryTimer(authorization, () => stream.end());
    raw.once('close', () => {
      stream.closed = true;
      open.delete(stream);
      unsubscribe();
      clearInterval(heartbeat);
      clearTimeout(expiry);
    });
    stream.start();
  });
};

/** Ends the stream when its access token expires, so a revoked role does not keep reading. */
function tokenExpiryTimer(authorization: string | undefined, onExpiry: () => void): NodeJS.Timeout | undefined {
  try {
    // Already verified by verifyToken: only its expiry is read here.
    const exp = decodeJwt(authorization?.replace(/^Bearer +/i, '') ?? '').exp;
    if (typeof exp !== 'number') return undefined;
    // setTimeout's limit is about 24.8 days; a token living longer is renewed long before.
    return setTimeout(onExpiry, Math.min(2 ** 31 - 1, Math.max(0, exp * 1000 - Date.now())));
  } catch {
    return undefined;
  }
}

/** One client's stream: its cursor, and one read loop at a time so events leave in seq order. */
class ChangeStream {
  closed = false;
  private pending = true;
  private running = false;
  private greeted = false;
  private retry: NodeJS.Timeout | undefined;

  constructor(
    private readonly raw: ServerResponse,
    private readonly pool: Pool,
    /** The newest seq this client has (been sent): everything sent is above it. */
    private cursor: number,
    private readonly pageSize: number,
    private readonly log: FastifyBaseLogger,
  ) {}

  start(): void {
    void this.pump();
  }

  signal(signal: FeedSignal): void {
    // A change this stream has already sent (it read ahead of the notification): nothing to read.
    if (signal.kind === 'change' && signal.seq <= this.cursor) return;
    this.pending = true;
    void this.pump();
  }

  ping(): void {
    if (!this.closed) this.raw.write(': ping\n\n');
  }

  end(): void {
    clearTimeout(this.retry);
    if (!this.closed) this.raw.end();
    this.closed = true;
  }

  /** Reads the log from the cursor until it is exhausted, then again as long as signals came in meanwhile. */
  private async pump(): Promise<void> {
    if (this.running || this.closed) return;
    this.running = true;
    try {
      while (this.pending && !this.closed) {
        this.pending = false;
        let lastSeq = 0;
        for (;;) {
          const page = await readSince(this.pool, this.cursor, this.pageSize);
          lastSeq = page.lastSeq;
          for (const change of page.changes) {
            if (this.closed) return;
            if (change.seq <= this.cursor) continue;
            this.cursor = change.seq;
            await this.write(`id: ${change.seq}\nevent: change\ndata: ${JSON.stringify(change)}\n\n`);
          }
          if (page.changes.length < this.pageSize) break;
        }
        if (!this.greeted && !this.closed) {
          this.greeted = true;
          // No id: a client's Last-Event-ID stays the seq of the last change it got. A lastSeq
          // below the client's own cursor means the server's log is not the one it synced with
          // (e.g. restored from an older backup).
          await this.write(`event: ready\ndata: ${JSON.stringify({ lastSeq })}\n\n`);
        }
      }
    } catch (error) {
      if (this.closed) return;
      // PostgreSQL away for a moment: keep the stream open and read again from the same cursor.
      this.log.warn({ err: error }, 'change stream: reading the log failed; retrying');
      this.pending = true;
      clearTimeout(this.retry);
      this.retry = setTimeout(() => void this.pump(), READ_RETRY_MS);
    } finally {
      this.running = false;
    }
  }

  /** Honours backpressure: a slow client holds at most one page in memory. */
  private write(chunk: string): Promise<void> | undefined {
    if (this.closed || this.raw.write(chunk)) return undefined;
    return new Promise((resolve) => {
      const done = () => {
        this.raw.off('drain', done);
        this.raw.off('close', done);
        resolve();
      };
      this.raw.on('drain', done);
      this.raw.on('close', done);
    });
  }
}
