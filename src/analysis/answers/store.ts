import { surveyAnswerSchema } from '../../domain/surveyAnswer';
import { AnswerColumnsBuilder, type AnswerColumns } from './columns';
import { latLngToCell } from 'h3-js';
import { assignCells, assignmentByteLength, densityOf, type AnswerDensity, type CellAssignment } from './density';
import { answerFacets, type AnswerFacets } from './facets';
import { compileFilter, filterMask, type AnswerFilter, type CompiledFilter, type FilterMask } from './filter';
import { buildAnswerIndex, indexByteLength, inView, nearMe, treePrefix, type AnswerIndex, type InViewResult, type NearMeResult } from './index';
import type { MemoryEstimate, RowRejection, StoreSize } from './protocol';

/** Resolutions whose cell assignment is kept (4 MB each at 1M); the map zooms between two or three. */
const KEPT_RESOLUTIONS = 3;
/** Rejections listed per appendRows; the rest are counted in the message of the last one. */
const MAX_LISTED_REJECTIONS = 1000;

/**
 * The answers and everything derived from them, derived lazily: appending only grows the
 * columns; the tree, the filter mask and the H3 assignment catch up at the next query that needs
 * them. So an import of twenty chunks builds the tree once, not twenty times.
 */
export class AnswerStore {
  private builder = new AnswerColumnsBuilder();
  private filter: AnswerFilter = {};
  private cachedColumns: AnswerColumns | null = null;
  private index: AnswerIndex | null = null;
  private compiled: CompiledFilter | null = null;
  private mask: FilterMask | null = null;
  private prefix: Uint32Array | null = null;
  private readonly assignments = new Map<number, CellAssignment>();

  load(columns: AnswerColumns): StoreSize {
    this.builder = AnswerColumnsBuilder.adopt(columns);
    this.assignments.clear();
    this.changed();
    return this.size();
  }

  append(columns: AnswerColumns): StoreSize {
    if (columns.count === 0) return this.size();
    this.builder.append(columns);
    this.changed();
    return this.size();
  }

  appendRows(rows: readonly unknown[]): StoreSize & { rejected: RowRejection[] } {
    const rejected: RowRejection[] = [];
    let refused = 0;
    rows.forEach((row, index) => {
      const parsed = surveyAnswerSchema.safeParse(row);
      if (parsed.success) return this.builder.pushAnswer(parsed.data);
      refused++;
      if (rejected.length < MAX_LISTED_REJECTIONS) {
        const issue = parsed.error.issues[0];
        rejected.push({ index, message: issue ? `${issue.path.join('.') || 'svaret'}: ${issue.message}` : 'ogiltigt svar' });
      }
    });
    if (refused > rejected.length) rejected.push({ index: -1, message: `och ${refused - rejected.length} svar till` });
    this.changed();
    return { ...this.size(), rejected };
  }

  clear(): StoreSize {
    return this.load(new AnswerColumnsBuilder(0).finish());
  }

  setFilter(filter: AnswerFilter): StoreSize {
    this.filter = filter;
    this.compiled = null;
    this.mask = null;
    this.prefix = null;
    return this.size();
  }

  nearMe(lon: number, lat: number, radiusMetres: number, limit?: number): NearMeResult {
    const match = this.filterMask().match;
    return nearMe(this.tree(), lon, lat, radiusMetres, match, limit, match ? this.treePrefix(match) : null);
  }

  inView(bounds: Parameters<typeof inView>[1], pointsLimit = 0): InViewResult {
    const match = this.filterMask().match;
    return inView(this.tree(), bounds, match, match ? this.treePrefix(match) : null, pointsLimit);
  }

  density(resolution: number): AnswerDensity {
    const previous = this.assignments.get(resolution);
    // The tree's order puts neighbours together, which the assignment's cell cache feeds on.
    const assignment = assignCells(this.columns(), resolution, previous, this.tree().tree?.ids);
    this.assignments.delete(resolution);
    this.assignments.set(resolution, assignment); // most recently used last
    while (this.assignments.size > KEPT_RESOLUTIONS) this.assignments.delete(this.assignments.keys().next().value!);
    return densityOf(assignment, this.filterMask().match);
  }

  /** Matching answers in the cell of each point (pairs of lon, lat): one aggregation, then a lookup per point. */
  countsAt(points: Float64Array, resolution: number): { resolution: number; counts: Uint32Array } {
    const density = this.density(resolution);
    const byCell = new Map(density.cells.map((cell, i) => [cell, density.counts[i]!]));
    const counts = new Uint32Array(points.length / 2);
    for (let k = 0; k < counts.length; k++) {
      const lon = points[2 * k]!;
      const lat = points[2 * k + 1]!;
      if (Number.isFinite(lon) && Number.isFinite(lat)) counts[k] = byCell.get(latLngToCell(lat, lon, resolution)) ?? 0;
    }
    return { resolution, counts };
  }

  facetCounts(): AnswerFacets {
    return answerFacets(this.columns(), this.compiledFilter());
  }

  /** Exact-size copies of the columns (the store keeps its own). */
  snapshot(): AnswerColumns {
    return this.builder.finish();
  }

  columns(): AnswerColumns {
    return (this.cachedColumns ??= this.builder.view());
  }

  memory(): MemoryEstimate {
    const columnsBytes = this.builder.byteLength;
    const indexBytes = this.index ? indexByteLength(this.index) : 0;
    const filterBytes = (this.mask?.match?.byteLength ?? 0) + (this.prefix?.byteLength ?? 0);
    let densityBytes = 0;
    for (const assignment of this.assignments.values()) densityBytes += assignmentByteLength(assignment);
    const totalBytes = columnsBytes + indexBytes + filterBytes + densityBytes;
    return { answers: this.builder.count, columnsBytes, indexBytes, filterBytes, densityBytes, totalBytes, totalMB: totalBytes / 1024 / 1024 };
  }

  private size(): StoreSize {
    return { count: this.builder.count, matching: this.filterMask().count };
  }

  private changed(): void {
    this.cachedColumns = null;
    this.index = null;
    this.compiled = null;
    this.mask = null;
    this.prefix = null;
  }

  private tree(): AnswerIndex {
    return (this.index ??= buildAnswerIndex(this.columns()));
  }

  private compiledFilter(): CompiledFilter {
    return (this.compiled ??= compileFilter(this.filter, this.columns().surveys));
  }

  private filterMask(): FilterMask {
    return (this.mask ??= filterMask(this.columns(), this.compiledFilter()));
  }

  private treePrefix(match: Uint8Array): Uint32Array {
    return (this.prefix ??= treePrefix(this.tree(), match));
  }
}
