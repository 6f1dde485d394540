import KDBush from 'kdbush';
import { fromGeojsonVt } from 'vt-pbf';
import type { PointTest } from './pointFilter';
import { AGGREGATE_ABOVE, AGGREGATE_CELL, COUNT_PROPERTY, CROWD_PROPERTY, POINT_TILE_BUFFER, POINT_TILE_EXTENT, POINT_TILE_LAYER, POINT_TILE_MAX_ZOOM, mercatorX, mercatorY } from './tileGrid';

/** A place drawn as a point: its id, position and the properties the style's filters and paint read. */
export interface TilePoint {
  id: string;
  lon: number;
  lat: number;
  properties: Record<string, string | number | boolean>;
}

/** Points added or moved since the index was built are scanned one by one; past this many the index is built again. */
const REINDEX_AFTER = 4096;

/** Places drawn together as one circle: how many the filter shows in one cell of a tile, at their mean position (tile units). */
export interface TileCell {
  x: number;
  y: number;
  count: number;
}

/**
 * Every point of a big layer in typed arrays and a KDBush index, cut into vector tiles on request.
 * This is what MapLibre's GeoJSON source does, without its tile pyramid: there, one changed point
 * re-cuts every tile above it from all 100 000 points (seconds); here a tile is one range query,
 * and a change is a slot marked dead plus a slot appended, scanned until the next index build.
 */
export class PointStore {
  private ids: string[] = [];
  private xs = new Float64Array(1024);
  private ys = new Float64Array(1024);
  private props: TilePoint['properties'][] = [];
  private alive = new Uint8Array(1024);
  private slotOf = new Map<string, number>();
  private index: KDBush | null = null;
  /** Slots below this are in the index; the rest are scanned. */
  private indexed = 0;
  private test: PointTest | null = null;
  /** Per slot, what the filter said: 0 not asked yet, 1 shown, 2 left out (a pan asks again of the same points). */
  private verdicts = new Uint8Array(1024);

  get size(): number {
    return this.slotOf.size;
  }

  /** Everything at once (the first data, or after a reset). */
  set(points: readonly TilePoint[]): void {
    this.ids = [];
    this.props = [];
    this.slotOf.clear();
    this.xs = new Float64Array(Math.max(1024, points.length));
    this.ys = new Float64Array(this.xs.length);
    this.alive = new Uint8Array(this.xs.length);
    this.verdicts = new Uint8Array(this.xs.length);
    for (const point of points) this.append(point);
    this.reindex();
  }

  /** What a change touched. Returns the positions, old and new, whose tiles now differ, as [lon, lat]. */
  apply(remove: readonly string[], put: readonly TilePoint[]): [number, number][] {
    const touched: [number, number][] = [];
    const drop = (id: string) => {
      const slot = this.slotOf.get(id);
      if (slot === undefined) return;
      this.alive[slot] = 0;
      this.slotOf.delete(id);
      touched.push(this.lonLatOf(slot));
    };
    for (const id of remove) drop(id);
    for (const point of put) {
      drop(point.id);
      this.append(point);
      touched.push([point.lon, point.lat]);
    }
    if (this.ids.length - this.indexed > REINDEX_AFTER) this.reindex();
    return touched;
  }

  /** From now on tiles hold only the points this test keeps (null: all); the caller reloads the tiles. */
  setFilter(test: PointTest | null): void {
    this.test = test;
    this.verdicts.fill(0);
  }

  /** The live points the filter shows in tile z/x/y (with its buffer), in the order they were added, in tile units. */
  pointsInTile(z: number, x: number, y: number): { id: string; x: number; y: number; properties: TilePoint['properties'] }[] {
    return this.pointsOf(this.slotsInTile(z, x, y), z, x, y);
  }

  private slotsInTile(z: number, x: number, y: number): number[] {
    const n = 2 ** z;
    const pad = POINT_TILE_BUFFER / POINT_TILE_EXTENT / n;
    return this.shownIn(x / n - pad, y / n - pad, (x + 1) / n + pad, (y + 1) / n + pad);
  }

  private pointsOf(slots: number[], z: number, x: number, y: number): { id: string; x: number; y: number; properties: TilePoint['properties'] }[] {
    const n = 2 ** z;
    slots.sort((a, b) => a - b);
    const out: { id: string; x: number; y: number; properties: TilePoint['properties'] }[] = [];
    for (const slot of slots) {
      out.push({
        id: this.ids[slot]!,
        x: Math.round((this.xs[slot]! * n - x) * POINT_TILE_EXTENT),
        y: Math.round((this.ys[slot]! * n - y) * POINT_TILE_EXTENT),
        properties: this.props[slot]!,
      });
    }
    return out;
  }

  /**
   * The shown points whose position is inside tile z/x/y (no buffer: a cell belongs to one tile,
   * and its circle is drawn whole across the edge), counted per AGGREGATE_CELL square.
   */
  cellsInTile(z: number, x: number, y: number): TileCell[] {
    const n = 2 ** z;
    const perSide = POINT_TILE_EXTENT / AGGREGATE_CELL;
    const cells = new Map<number, { sx: number; sy: number; count: number }>();
    for (const slot of this.shownIn(x / n, y / n, (x + 1) / n, (y + 1) / n)) {
      const fx = this.xs[slot]! * n - x;
      const fy = this.ys[slot]! * n - y;
      // On the edge between two tiles: the one to the right or below takes it.
      if (fx < 0 || fx >= 1 || fy < 0 || fy >= 1) continue;
      const key = Math.floor(fy * perSide) * perSide + Math.floor(fx * perSide);
      const cell = cells.get(key);
      if (cell) (cell.sx += fx, cell.sy += fy, cell.count++);
      else cells.set(key, { sx: fx, sy: fy, count: 1 });
    }
    return [...cells.values()].map(({ sx, sy, count }) => ({ x: Math.round((sx / count) * POINT_TILE_EXTENT), y: Math.round((sy / count) * POINT_TILE_EXTENT), count }));
  }

  /**
   * Tile z/x/y as a Mapbox Vector Tile, one layer (POINT_TILE_LAYER), an empty one when nothing is
   * there. Each point carries its id and how many the tile holds (the style draws a crowded tile's
   * points smaller); a tile above the deepest zoom that would hold more than AGGREGATE_ABOVE holds
   * cells instead, each with its count (COUNT_PROPERTY) and no id. Nothing else: the filter was
   * applied here, so the style has no property left to read.
   */
  tile(z: number, x: number, y: number): Uint8Array {
    const slots = this.slotsInTile(z, x, y);
    const features =
      z < POINT_TILE_MAX_ZOOM && slots.length > AGGREGATE_ABOVE
        ? this.cellsInTile(z, x, y).map((c) => ({ type: 1, geometry: [[c.x, c.y]], tags: { [COUNT_PROPERTY]: c.count } }))
        : this.pointsOf(slots, z, x, y).map((p) => ({ type: 1, geometry: [[p.x, p.y]], tags: { id: p.id, [CROWD_PROPERTY]: slots.length } }));
    return fromGeojsonVt({ [POINT_TILE_LAYER]: { features } }, { version: 2, extent: POINT_TILE_EXTENT });
  }

  /** The live slots in a mercator box that the filter shows (unsorted). */
  private shownIn(x0: number, y0: number, x1: number, y1: number): number[] {
    const slots = this.index && this.indexed ? this.index.range(x0, y0, x1, y1) : [];
    for (let slot = this.indexed; slot < this.ids.length; slot++) {
      const px = this.xs[slot]!;
      const py = this.ys[slot]!;
      if (px >= x0 && px <= x1 && py >= y0 && py <= y1) slots.push(slot);
    }
    let kept = 0;
    for (const slot of slots) if (this.alive[slot] && this.shows(slot)) slots[kept++] = slot;
    slots.length = kept;
    return slots;
  }

  private shows(slot: number): boolean {
    if (!this.test) return true;
    let verdict = this.verdicts[slot]!;
    if (!verdict) this.verdicts[slot] = verdict = this.test(this.props[slot]!) ? 1 : 2;
    return verdict === 1;
  }

  private append(point: TilePoint): void {
    const slot = this.ids.length;
    if (slot === this.xs.length) this.grow();
    this.ids.push(point.id);
    this.props.push(point.properties);
    this.xs[slot] = mercatorX(point.lon);
    this.ys[slot] = mercatorY(point.lat);
    this.alive[slot] = 1;
    this.verdicts[slot] = 0;
    this.slotOf.set(point.id, slot);
  }

  private lonLatOf(slot: number): [number, number] {
    const lon = this.xs[slot]! * 360 - 180;
    const lat = (Math.atan(Math.sinh(Math.PI * (1 - 2 * this.ys[slot]!))) * 180) / Math.PI;
    return [lon, lat];
  }

  /** Compacts away dead slots and builds the index over every live one. */
  private reindex(): void {
    let to = 0;
    for (let from = 0; from < this.ids.length; from++) {
      if (!this.alive[from]) continue;
      if (to !== from) {
        this.ids[to] = this.ids[from]!;
        this.props[to] = this.props[from]!;
        this.xs[to] = this.xs[from]!;
        this.ys[to] = this.ys[from]!;
        this.alive[to] = 1;
        this.verdicts[to] = this.verdicts[from]!;
        this.slotOf.set(this.ids[to]!, to);
      }
      to++;
    }
    this.ids.length = to;
    this.props.length = to;
    this.alive.fill(0, to);
    this.indexed = to;
    if (!to) return void (this.index = null);
    const index = new KDBush(to, 64, Float64Array);
    for (let slot = 0; slot < to; slot++) index.add(this.xs[slot]!, this.ys[slot]!);
    index.finish();
    this.index = index;
  }

  private grow(): void {
    const size = this.xs.length * 2;
    const grown = (from: Float64Array) => {
      const to = new Float64Array(size);
      to.set(from);
      return to;
    };
    this.xs = grown(this.xs);
    this.ys = grown(this.ys);
    const alive = new Uint8Array(size);
    alive.set(this.alive);
    this.alive = alive;
    const verdicts = new Uint8Array(size);
    verdicts.set(this.verdicts);
    this.verdicts = verdicts;
  }
}
