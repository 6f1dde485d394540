import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { cellToLatLng } from 'h3-js';
import { afterEach, describe, expect, it } from 'vitest';
import { AnswersClient, type AnswersPort } from '../../src/analysis/answers/client';
import { answerAt, fromTransferable } from '../../src/analysis/answers/columns';
import { compileFilter, filterMask } from '../../src/analysis/answers/filter';
import { buildAnswerIndex, nearMe } from '../../src/analysis/answers/index';
import { createAnswersHandler } from '../../src/analysis/answers/handler';
import type { AnswersEnvelope, AnswersReply } from '../../src/analysis/answers/protocol';
import { generateAnswerColumns } from '../../scripts/generate-answers';

/**
 * The worker's handler behind a real MessageChannel: what worker.ts does with `self`, done with
 * one port, so messages are cloned and buffers transferred exactly as between threads.
 */
function connect(): { client: AnswersClient; close: () => void } {
  const { port1, port2 } = new MessageChannel();
  const handle = createAnswersHandler();
  port1.on('message', (envelope: AnswersEnvelope) => {
    const { reply, transfer } = handle(envelope);
    port1.postMessage(reply, transfer);
  });
  const port: AnswersPort = {
    postMessage: (message, transfer) => port2.postMessage(message, transfer as ArrayBuffer[]),
    set onmessage(listener: ((event: MessageEvent<AnswersReply>) => void) | null) {
      port2.removeAllListeners('message');
      if (listener) (port2 as MessagePort).on('message', (data: AnswersReply) => listener({ data } as MessageEvent<AnswersReply>));
    },
    get onmessage() {
      return null;
    },
  };
  const client = new AnswersClient(port, () => {
    port1.close();
    port2.close();
  });
  return { client, close: () => client.close() };
}

let open: (() => void) | null = null;
afterEach(() => open?.());

describe('answers worker (handler over a MessageChannel)', () => {
  it('loads transferred columns and answers near-me, in-view, density, facets and memory', async () => {
    const { client, close } = connect();
    open = close;
    const columns = generateAnswerColumns({ answers: 20_000, seed: 12, area: 'four' });
    const reference = generateAnswerColumns({ answers: 20_000, seed: 12, area: 'four' });
    expect(await client.load(columns)).toEqual({ count: 20_000, matching: 20_000 });
    expect(columns.lon.length).toBe(0); // transferred, not cloned

    const [lon, lat] = [reference.lon[100]!, reference.lat[100]!];
    const near = await client.nearMe(lon, lat, 1000, 10);
    const local = nearMe(buildAnswerIndex(reference), lon, lat, 1000, null, 10);
    expect(near.count).toBe(local.count);
    expect([...near.ids]).toEqual([...local.ids]);
    expect(near.ids).toBeInstanceOf(Uint32Array);

    const filtered = await client.setFilter({ timeOfDay: ['natt'], years: [2023, 2024] });
    const mask = filterMask(reference, compileFilter({ timeOfDay: ['natt'], years: [2023, 2024] }, reference.surveys));
    expect(filtered.matching).toBe(mask.count);

    const all = await client.inView([10, 55, 24.2, 69.1], 100);
    expect(all).toMatchObject({ count: mask.count, ids: null, positions: null });
    const few = await client.inView([lon - 0.002, lat - 0.001, lon + 0.002, lat + 0.001], 5000);
    expect(few.ids!.length).toBe(few.count);
    few.ids!.forEach((id, k) => {
      expect(few.positions![2 * k]).toBe(reference.lon[id]);
      expect(answerAt(reference, id).timeOfDay).toBe('natt');
    });

    const density = await client.density(8);
    expect(density.total).toBe(mask.count);
    // The evidence of places: the matching answers in each point's cell, the same numbers as the density's.
    const densest = density.cells[0]!;
    const [cellLat, cellLon] = cellToLatLng(densest);
    const at = await client.countsAt(new Float64Array([cellLon, cellLat, 0, 0, Number.NaN, 60]), 8);
    expect([...at.counts]).toEqual([density.counts[0], 0, 0]);
    const facets = await client.facetCounts();
    expect(facets.total).toBe(mask.count);

    const memory = await client.memory();
    expect(memory.answers).toBe(20_000);
    expect(memory.columnsBytes).toBe(20_000 * 23);
    expect(memory.indexBytes).toBeGreaterThanOrEqual(20_000 * 18); // 16 B of position + 2 B of id (Uint16 ids below 65 536 answers)
    expect(memory.totalBytes).toBe(memory.columnsBytes + memory.indexBytes + memory.filterBytes + memory.densityBytes);
  });

  it('appends chunks and unchecked rows (refusing bad ones by index), and snapshots what it holds', async () => {
    const { client, close } = connect();
    open = close;
    const a = generateAnswerColumns({ answers: 3000, seed: 1, area: 'four' });
    const b = generateAnswerColumns({ answers: 2000, seed: 2, area: 'sweden' });
    const expected = [...Array.from({ length: 3000 }, (_, i) => answerAt(a, i)), ...Array.from({ length: 2000 }, (_, i) => answerAt(b, i))];
    await client.append(a);
    expect((await client.append(b)).count).toBe(5000);
    const rows = await client.appendRows([
      { lon: 18.06, lat: 59.33, survey: 'Rad', year: 2024, timeOfDay: 'dag', reasons: ['klotter'] },
      { lon: 8, lat: 59.33, survey: 'Rad', year: 2024, timeOfDay: 'dag', reasons: [] },
      'inte ett svar',
    ]);
    expect(rows.count).toBe(5001);
    expect(rows.rejected.map((r) => r.index)).toEqual([1, 2]);
    expect(rows.rejected[0]!.message).toMatch(/^lon/);
    const snapshot = fromTransferable(await client.snapshot());
    expect(Array.from({ length: snapshot.count }, (_, i) => answerAt(snapshot, i))).toEqual([
      ...expected,
      { lon: 18.06, lat: 59.33, survey: 'Rad', year: 2024, timeOfDay: 'dag', reasons: ['klotter'] },
    ]);
    expect((await client.clear()).count).toBe(0);
  });

  it('answers a bad request with its error and keeps working; overlapping requests get their own replies', async () => {
    const { client, close } = connect();
    open = close;
    await client.load(generateAnswerColumns({ answers: 1000, seed: 3, area: 'four' }));
    await expect(client.density(42)).rejects.toThrow(/H3-upplösningen/);
    const [m, d, f] = await Promise.all([client.memory(), client.density(7), client.facetCounts()]);
    expect(m.answers).toBe(1000);
    expect(d.resolution).toBe(7);
    expect(f.total).toBe(1000);
    const timed = await client.timed<'setFilter'>({ type: 'setFilter', filter: { reasons: ['belysning'] } });
    expect(timed.workerMs).toBeGreaterThanOrEqual(0);
  });

  it('fails waiting requests when closed', async () => {
    const { client } = connect();
    const pending = client.memory();
    client.close();
    await expect(pending).rejects.toThrow(/stängd/);
  });
});
