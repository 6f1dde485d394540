import { MapSourceDataEvent, type ExpressionSpecification, VectorTileSource, addProtocol, addSourceType, type Dispatcher, type Evented, type SourceClass, type Tile, type VectorSourceSpecification } from 'maplibre-gl';
import { toColumns } from './pointColumns';
import type { TilePoint } from './pointStore';
import { POINT_TILE_MAX_ZOOM, mercatorX, mercatorY, tileHolds } from './tileGrid';
import type { PointTileReply, PointTileRequest } from './tileWorker';

/** The style's source type for points cut into tiles by our own worker (see PointStore). */
export const POINT_SOURCE_TYPE = 'tk-points';
const PROTOCOL = 'tkpoints';
const owners = new Map<string, PointTiles>();
let registered = false;

/**
 * A vector tile source whose tiles come from a PointTiles worker, told what a change touched: only
 * the tiles holding a touched point are cut again (MapLibre's GeoJSON source would re-cut the
 * pyramid above them from every point). Tiles are fetched through the `tkpoints` protocol.
 */
class PointTileSource extends VectorTileSource {
  /** The mercator positions of the change being announced; null: every tile changed. */
  private touched: { x: number; y: number }[] | null = null;
  /** The loaded tiles a change reloaded, in order (the latest 2 000), and how many changes reloaded every tile: for tests that an edit reloads only what it touched. */
  readonly reloads: { z: number; x: number; y: number }[] = [];
  fullReloads = 0;

  constructor(id: string, options: VectorSourceSpecification, dispatcher: Dispatcher, eventedParent: Evented) {
    super(id, { ...options, type: 'vector' }, dispatcher, eventedParent);
  }

  /** Reloads the tiles in view that hold one of these [lon, lat] positions (all of them for null), and drops the cached ones. */
  changed(positions: readonly [number, number][] | null): void {
    this.touched = positions && positions.map(([lon, lat]) => ({ x: mercatorX(lon), y: mercatorY(lat) }));
    if (!positions) this.fullReloads++;
    try {
      this.fire(new MapSourceDataEvent('data', { sourceDataType: 'content', sourceDataChanged: true, ...(positions ? { shouldReloadTileOptions: { affectedBounds: [] } } : {}) }));
    } finally {
      this.touched = null;
    }
  }

  shouldReloadTile(tile: Tile): boolean {
    if (tile.state === 'loading') return true;
    if (tile.state === 'unloaded') return false;
    const { z, x, y } = tile.tileID.canonical;
    if (this.touched === null) return true;
    const holds = this.touched.some((p) => tileHolds(z, x, y, p.x, p.y));
    if (holds && this.reloads.push({ z, x, y }) > 2000) this.reloads.splice(0, 1000);
    return holds;
  }
}

function register(): void {
  if (registered) return;
  registered = true;
  void addSourceType(POINT_SOURCE_TYPE, PointTileSource as unknown as SourceClass);
  addProtocol(PROTOCOL, async (params) => {
    const match = /^tkpoints:\/\/([^/]+)\/(\d+)\/(\d+)\/(\d+)$/.exec(params.url);
    const owner = match && owners.get(match[1]!);
    if (!match || !owner) throw new Error(`no point tiles at ${params.url}`);
    return { data: await owner.tile(Number(match[2]), Number(match[3]), Number(match[4])) };
  });
}

let instances = 0;

/** The main thread's side of one point-tile worker: hands it the points and their changes, asks it for tiles. */
export class PointTiles {
  private readonly name = `points${++instances}`;
  private readonly worker = new Worker(new URL('./tileWorker.ts', import.meta.url), { type: 'module' });
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (data: ArrayBuffer) => void; reject: (error: Error) => void }>();

  constructor() {
    register();
    owners.set(this.name, this);
    this.worker.onmessage = (event: MessageEvent<PointTileReply>) => {
      this.pending.get(event.data.id)?.resolve(event.data.data);
      this.pending.delete(event.data.id);
    };
    // A worker that stopped answers no tile: they fail (MapLibre marks them errored) instead of loading for ever.
    this.worker.onerror = (event) => this.failAll(new Error(`point tiles stopped: ${event.message || 'worker error'}`));
  }

  /** The style source that draws these points (its one layer is POINT_TILE_LAYER). */
  sourceSpec(): VectorSourceSpecification {
    return { type: POINT_SOURCE_TYPE as 'vector', tiles: [`${PROTOCOL}://${this.name}/{z}/{x}/{y}`], minzoom: 0, maxzoom: POINT_TILE_MAX_ZOOM, promoteId: 'id' };
  }

  set(points: TilePoint[]): void {
    const { columns, transfer } = toColumns(points);
    this.post({ type: 'set', columns }, transfer);
  }

  /** The map's filter (filterExpression.ts): tiles cut from now on hold only what it shows. */
  setFilter(expression: ExpressionSpecification | null): void {
    this.post({ type: 'filter', expression });
  }

  apply(remove: string[], put: TilePoint[]): void {
    this.post({ type: 'apply', remove, put });
  }

  tile(z: number, x: number, y: number): Promise<ArrayBuffer> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.post({ type: 'tile', id, z, x, y });
    });
  }

  destroy(): void {
    owners.delete(this.name);
    this.worker.terminate();
    this.failAll(new Error('point tiles closed'));
  }

  private failAll(error: Error): void {
    for (const { reject } of this.pending.values()) reject(error);
    this.pending.clear();
  }

  private post(request: PointTileRequest, transfer: Transferable[] = []): void {
    this.worker.postMessage(request, transfer);
  }
}

/** The tiles a change made this source reload (see PointTileSource.reloads); none for another source. */
export function reloadsOf(source: unknown): { tiles: { z: number; x: number; y: number }[]; full: number } {
  return source instanceof PointTileSource ? { tiles: source.reloads.map((t) => ({ ...t })), full: source.fullReloads } : { tiles: [], full: 0 };
}

/** Tells the source on the map what changed (see PointTileSource.changed); nothing when it is not on this map. */
export function announceChange(source: unknown, positions: readonly [number, number][] | null): void {
  if (source instanceof PointTileSource) source.changed(positions);
}
