/// <reference lib="webworker" />
import type { ExpressionSpecification } from 'maplibre-gl';
import { compilePointFilter } from './pointFilter';
import { fromColumns, type PointColumns } from './pointColumns';
import { PointStore, type TilePoint } from './pointStore';

/** What the main thread asks of the point-tile worker (pointTileSource.ts); only `tile` is answered. */
export type PointTileRequest =
  | { type: 'set'; columns: PointColumns }
  | { type: 'apply'; remove: string[]; put: TilePoint[] }
  | { type: 'filter'; expression: ExpressionSpecification | null }
  | { type: 'tile'; id: number; z: number; x: number; y: number };
export interface PointTileReply {
  id: number;
  data: ArrayBuffer;
}

const store = new PointStore();
// Messages are handled in order, so a tile asked for after a change is cut from the changed points.
self.onmessage = (event: MessageEvent<PointTileRequest>) => {
  const request = event.data;
  if (request.type === 'set') return store.set(fromColumns(request.columns));
  if (request.type === 'apply') return void store.apply(request.remove, request.put);
  if (request.type === 'filter') return store.setFilter(compilePointFilter(request.expression));
  const bytes = store.tile(request.z, request.x, request.y);
  const data = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  (self as unknown as DedicatedWorkerGlobalScope).postMessage({ id: request.id, data } satisfies PointTileReply, [data]);
};
