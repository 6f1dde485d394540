import KDBush from 'kdbush';
import { fromGeojsonVt } from 'vt-pbf';
import { CROWD_PROPERTY, POINT_TILE_BUFFER, POINT_TILE_EXTENT, POINT_TILE_LAYER, mercatorX, mercatorY } from './tileGrid';

/** A place drawn as a point: its id, position and the properties the style's filters and paint read. */
export interface TilePoint {
  id: string;
  lon: number;
  lat: number;
  properties: Record<string, string | number | boolean>;
}

/** Points added or moved since the index was built are scanned one by one; past this many the index is built again. */
const REINDEX_AFTER = 4096;

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

  /** The live points in tile z/x/y (with its buffer), in the order they were added, in tile units. */
  pointsInTile(z: number, x: number, y: number): { id: string; x: number; y: number; properties: TilePoint['properties'] }[] {
    const n = 2 ** z;
    const pad = POINT_TILE_BUFFER / POINT_TILE_EXTENT / n;
    const [x0, y0, x1, y1] = [x / n - pad, y / n - pad, (x + 1) / n + pad, (y + 1) / n + pad];
    const slots = this.index && this.indexed ? this.index.range(x0, y0, x1, y1) : [];
    for (let slot = this.indexed; slot < this.ids.length; slot++) {
      const px = this.xs[slot]!;
      const py = this.ys[slot]!;
      if (px >= x0 && px <= x1 && py >= y0 && py <= y1) slots.push(slot);
    }
    slots.sort((a, b) => a - b);
    const out: { id: string; x: number; y: number; properties: TilePoint['properties'] }[] = [];
    for (const slot of slots) {
      if (!this.alive[slot]) continue;
      out.push({
        id: this.ids[slot]!,
        x: Math.round((this.xs[slot]! * n - x) * POINT_TILE_EXTENT),
        y: Math.round((this.ys[slot]! * n - y) * POINT_TILE_EXTENT),
        properties: this.props[slot]!,
      });
    }
    return out;
  }

  /** Tile z/x/y as a Mapbox Vector Tile (one layer, POINT_TILE_LAYER; each point also says how many the tile holds); an empty layer when nothing is there. */
  tile(z: number, x: number, y: number): Uint8Array {
    const points = this.pointsInTile(z, x, y);
    const crowd = points.length;
    const features = points.map((p) => ({ type: 1, geometry: [[p.x, p.y]], tags: { ...p.properties, [CROWD_PROPERTY]: crowd } }));
    return fromGeojsonVt({ [POINT_TILE_LAYER]: { features } }, { version: 2, extent: POINT_TILE_EXTENT });
  }

  private append(point: TilePoint): void {
    const slot = this.ids.length;
    if (slot === this.xs.length) this.grow();
    this.ids.push(point.id);
    this.props.push(point.properties);
    this.xs[slot] = mercatorX(point.lon);
    this.ys[slot] = mercatorY(point.lat);
    this.alive[slot] = 1;
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
  }
}
