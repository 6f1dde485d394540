// One simulated team member: a loop of push (a new place, or a change to one of its own places,
// based on the version the server last gave it) and pull (the change log since its cursor).
import { randomUUID } from 'node:crypto';
import type { SafetyFeature } from '../../src/domain/safetyFeature';
import type { ConflictResponse, LoggedChange, PushRequest } from '../../src/domain/sync/push';
import { Latencies } from './stats';

export interface ClientSetup {
  index: number;
  apiUrl: string;
  token: string;
  /** Places of the client's municipality to copy geometry and links from. */
  templates: SafetyFeature[];
  /** Share of pushes that create a place (the rest change one of the client's own places). */
  createShare: number;
  /** Pull after every `pullEvery` pushes (1: push, pull, push, pull...; 0: never during the run). */
  pullEvery: number;
}

/** What the bench checks afterwards: every acknowledged push, and every pulled sequence number. */
export interface ClientResult {
  acknowledged: { seq: number; changeId: string }[];
  /** placeId → the version the server last answered for it (what records must hold at the end). */
  ownVersions: Map<string, number>;
  pulledSeqs: number[];
  cursor: number;
  conflicts: number;
  errors: string[];
  retries: number;
  pullPages: number;
  /** Timed pulls only: entries received and response bytes. */
  pulledEntries: number;
  pulledBytes: number;
}

export class BenchClient {
  readonly push = new Latencies();
  readonly pull = new Latencies();
  readonly result: ClientResult = { acknowledged: [], ownVersions: new Map(), pulledSeqs: [], cursor: 0, conflicts: 0, errors: [], retries: 0, pullPages: 0, pulledEntries: 0, pulledBytes: 0 };
  private made = 0;
  private readonly headers: Record<string, string>;

  constructor(private readonly setup: ClientSetup) {
    this.headers = { authorization: `Bearer ${setup.token}`, 'content-type': 'application/json' };
  }

  /** Starts where the log is now, as a browser that has just synced. */
  async catchUp(): Promise<void> {
    await this.pullOnce(false);
  }

  async run(until: () => boolean): Promise<void> {
    for (let pushes = 1; !until(); pushes += 1) {
      await this.pushOnce();
      if (this.setup.pullEvery > 0 && pushes % this.setup.pullEvery === 0) await this.pullOnce(true);
    }
  }

  /** After the run: pull until the end of the log (not timed), so the gap check covers everything. */
  async drain(): Promise<void> {
    await this.pullOnce(false);
  }

  private nextPush(): PushRequest {
    const own = [...this.result.ownVersions.keys()];
    const template = this.setup.templates[this.made % this.setup.templates.length]!;
    this.made += 1;
    const create = own.length === 0 || Math.random() < this.setup.createShare;
    const id = create ? `bench-${this.setup.index}-${this.made}` : own[Math.floor(Math.random() * own.length)]!;
    const place = { ...template, id, name: `Bänkplats ${this.setup.index}.${this.made}` };
    return {
      changeId: randomUUID(),
      label: create ? `lägg till ${place.name}` : `byt namn till ${place.name}`,
      put: { features: [place] },
      delete: {},
      baseVersions: { features: { [id]: create ? null : this.result.ownVersions.get(id)! } },
    };
  }

  private async pushOnce(): Promise<void> {
    const body = this.nextPush();
    const id = body.put.features![0]!.id;
    const started = performance.now();
    // A request that fails in transit is retried with the same changeId: applied once at most.
    for (let attempt = 0; ; attempt += 1) {
      try {
        const response = await fetch(`${this.setup.apiUrl}/api/changes`, { method: 'POST', headers: this.headers, body: JSON.stringify(body) });
        const answer = (await response.json()) as Record<string, unknown>;
        this.push.add(performance.now() - started);
        if (response.status === 201 || response.status === 200) {
          const { seq, versions } = answer as { seq: number; versions: LoggedChange['versions'] };
          if (response.status === 201) this.result.acknowledged.push({ seq, changeId: body.changeId });
          this.result.ownVersions.set(id, versions.features![id]!);
        } else if (response.status === 409) {
          this.result.conflicts += 1;
          const [conflict] = (answer as unknown as ConflictResponse).conflicts;
          if (conflict?.currentVersion != null) this.result.ownVersions.set(id, conflict.currentVersion);
        } else {
          this.result.errors.push(`push ${response.status}: ${JSON.stringify(answer).slice(0, 300)}`);
        }
        return;
      } catch (error) {
        if (attempt >= 3) {
          this.push.add(performance.now() - started);
          this.result.errors.push(`push failed: ${String(error)}`);
          return;
        }
        this.result.retries += 1;
      }
    }
  }

  /** GET /api/changes?since=cursor, page after page while pages come back full. */
  private async pullOnce(timed: boolean): Promise<void> {
    for (;;) {
      const started = performance.now();
      let page: { changes: LoggedChange[]; lastSeq: number };
      try {
        const response = await fetch(`${this.setup.apiUrl}/api/changes?since=${this.result.cursor}&limit=1000`, { headers: this.headers });
        if (response.status !== 200) {
          this.result.errors.push(`pull ${response.status}: ${(await response.text()).slice(0, 300)}`);
          return;
        }
        const text = await response.text();
        page = JSON.parse(text) as typeof page;
        if (timed) this.result.pulledBytes += Buffer.byteLength(text);
      } catch (error) {
        this.result.errors.push(`pull failed: ${String(error)}`);
        return;
      }
      if (timed) {
        this.pull.add(performance.now() - started);
        this.result.pulledEntries += page.changes.length;
      }
      this.result.pullPages += 1;
      for (const change of page.changes) this.result.pulledSeqs.push(change.seq);
      const last = page.changes.at(-1)?.seq;
      if (last !== undefined) this.result.cursor = last;
      if (page.changes.length < 1000 || last === undefined) return;
    }
  }
}
