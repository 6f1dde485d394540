import { cellToBoundary, cellToLatLng, latLngToCell } from 'h3-js';
import { compareCodes } from '../order';
import { MAX_DENSITY_RESOLUTION, MIN_DENSITY_RESOLUTION } from '../density';
import { METRES_PER_DEGREE, pointToPathMetres } from '../geo';
import type { AnswerColumns } from './columns';
import type { Match } from './index';

/**
 * Each answer's H3 cell at one resolution, as an index into a table of cell ids. latLngToCell is
 * most of the cost of density (1.5 µs an answer, 1.5 s at 1M), and it does not depend on the
 * filter: computed once per resolution, a new filter then recounts in a few milliseconds.
 * Answers are only ever appended, so the assignment extends to new answers without redoing old.
 */
export interface CellAssignment {
  readonly resolution: number;
  /** How many answers are assigned (the first `count` of the columns). */
  count: number;
  cellOf: Uint32Array;
  readonly cells: string[];
  readonly cellIndexes: Map<string, number>;
}

export function checkResolution(resolution: number): void {
  if (!Number.isInteger(resolution) || resolution < MIN_DENSITY_RESOLUTION || resolution > MAX_DENSITY_RESOLUTION) {
    throw new RangeError(`H3-upplösningen måste vara ett heltal mellan ${MIN_DENSITY_RESOLUTION} och ${MAX_DENSITY_RESOLUTION}, inte ${resolution}.`);
  }
}

/**
 * Cells of the answers not yet assigned. `order` (the KDBush tree's ids) visits answers near each
 * other one after another, so most fall in a cell just seen: CellDiscs answers for those with a
 * distance test, and latLngToCell runs only for the rest (about 5× faster at 1M, same cells).
 */
export function assignCells(columns: AnswerColumns, resolution: number, previous?: CellAssignment, order?: ArrayLike<number>): CellAssignment {
  checkResolution(resolution);
  const reuse = previous && previous.resolution === resolution && previous.count <= columns.count ? previous : undefined;
  const assignment: CellAssignment = reuse ?? { resolution, count: 0, cellOf: new Uint32Array(0), cells: [], cellIndexes: new Map() };
  const start = assignment.count;
  if (start === columns.count) return assignment;
  if (assignment.cellOf.length < columns.count) {
    const grown = new Uint32Array(columns.count);
    grown.set(assignment.cellOf.subarray(0, start));
    assignment.cellOf = grown;
  }
  const { lon, lat } = columns;
  const { cellOf, cells, cellIndexes } = assignment;
  const discs = new CellDiscs();
  const visit = (i: number) => {
    const known = discs.find(lon[i]!, lat[i]!);
    if (known >= 0) {
      cellOf[i] = known;
      return;
    }
    const h3 = latLngToCell(lat[i]!, lon[i]!, resolution);
    let k = cellIndexes.get(h3);
    if (k === undefined) {
      k = cells.length;
      cellIndexes.set(h3, k);
      cells.push(h3);
    }
    cellOf[i] = k;
    discs.add(h3, k);
  };
  // The tree's order only when it covers exactly the answers to assign (a fresh assignment).
  if (order && start === 0 && order.length === columns.count) for (let k = 0; k < order.length; k++) visit(order[k]!);
  else for (let i = start; i < columns.count; i++) visit(i);
  assignment.count = columns.count;
  return assignment;
}

/**
 * The discs inscribed in the last few cells met: a point closer to a cell's centre than every
 * edge of that cell is in it, so its cell is known without latLngToCell. Exact: H3's edges are
 * great-circle arcs (straight in its gnomonic face projection) and cellToBoundary gives all of
 * their vertices; the inscribed radius is the great-circle distance from the centre to that
 * boundary (pointToPathMetres), less 1 m for rounding, and the test is a flat distance with a
 * 1 % margin (flat is within 0.5 % of the great circle at these sizes, see index.ts).
 */
class CellDiscs {
  private static readonly SIZE = 8;
  private readonly lon = new Float64Array(CellDiscs.SIZE);
  private readonly lat = new Float64Array(CellDiscs.SIZE);
  private readonly kx = new Float64Array(CellDiscs.SIZE);
  /** Squared radius of the disc; 0 in an empty slot, so it never matches. */
  private readonly r2 = new Float64Array(CellDiscs.SIZE);
  private readonly index = new Int32Array(CellDiscs.SIZE).fill(-1);
  private next = 0;
  /** Each cell's disc, worked out once (cellToBoundary and the edge distances cost some 20 µs). */
  private readonly known: (Float64Array | null)[] = [];

  find(lon: number, lat: number): number {
    for (let k = 0; k < CellDiscs.SIZE; k++) {
      const dx = (lon - this.lon[k]!) * this.kx[k]!;
      const dy = (lat - this.lat[k]!) * METRES_PER_DEGREE;
      if (dx * dx + dy * dy < this.r2[k]!) return this.index[k]!;
    }
    return -1;
  }

  add(h3: string, cellIndex: number): void {
    let disc = this.known[cellIndex];
    if (disc === undefined) disc = this.known[cellIndex] = CellDiscs.discOf(h3);
    if (disc === null) return;
    const k = this.next;
    this.next = (k + 1) % CellDiscs.SIZE;
    this.lon[k] = disc[0]!;
    this.lat[k] = disc[1]!;
    this.kx[k] = disc[2]!;
    this.r2[k] = disc[3]!;
    this.index[k] = cellIndex;
  }

  /** [lon, lat, metres per degree of longitude, squared safe radius], or null for a cell too large for the flat test. */
  private static discOf(h3: string): Float64Array | null {
    const [lat, lon] = cellToLatLng(h3);
    const inscribed = pointToPathMetres(lon, lat, cellToBoundary(h3, true)) - 1;
    // Cells above 10 km across would strain the flat test's error bound: such points take latLngToCell.
    if (!(inscribed > 0) || inscribed > 10_000) return null;
    return Float64Array.of(lon, lat, METRES_PER_DEGREE * Math.cos((lat * Math.PI) / 180), (inscribed * 0.99) ** 2);
  }
}

export function assignmentByteLength(assignment: CellAssignment): number {
  // 15-character ids plus the map's entry: about 80 bytes a cell in V8, a rough figure.
  return assignment.cellOf.byteLength + assignment.cells.length * 80;
}

export interface AnswerDensity {
  resolution: number;
  /** Cells with at least one matching answer, most answers first (ties by cell id). */
  cells: string[];
  counts: Uint32Array;
  /** Matching answers counted: the sum of counts. */
  total: number;
}

/** Matching answers per cell: one pass over the assignment, one counter per cell. */
export function densityOf(assignment: CellAssignment, match: Match): AnswerDensity {
  const perCell = new Uint32Array(assignment.cells.length);
  const { cellOf } = assignment;
  let total = 0;
  for (let i = 0; i < assignment.count; i++) {
    if (match !== null && match[i] !== 1) continue;
    perCell[cellOf[i]!]!++;
    total++;
  }
  const used: number[] = [];
  for (let k = 0; k < perCell.length; k++) if (perCell[k]! > 0) used.push(k);
  used.sort((a, b) => perCell[b]! - perCell[a]! || compareCodes(assignment.cells[a]!, assignment.cells[b]!));
  return {
    resolution: assignment.resolution,
    cells: used.map((k) => assignment.cells[k]!),
    counts: Uint32Array.from(used, (k) => perCell[k]!),
    total,
  };
}

/** One-off density without keeping the assignment (tests, a single export). */
export function answerDensity(columns: AnswerColumns, resolution: number, match: Match = null): AnswerDensity {
  return densityOf(assignCells(columns, resolution), match);
}
