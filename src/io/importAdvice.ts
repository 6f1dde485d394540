import { LAYER_GEOMETRY, LAYER_KINDS, type LayerKind } from '../domain/layers';
import type { SupportedGeometry } from '../domain/geometry';
import type { ImportPlan } from './candidatesToFeatures';
import { CHOOSE_COLUMNS_NOTE } from './importText';
import type { ParsedImport, RejectReason, RejectedItem } from './importTypes';

type GeometryType = SupportedGeometry['type'];

/**
 * What the preview tells the user beside the counts, so no result is an unexplained zero: why
 * nothing (or not everything) can be imported, and what they can do about it. The UI words each
 * code in Swedish and English.
 */
export type ImportAdvice =
  | { code: 'locator-unavailable' }
  | { code: 'app-export'; count: number; replaced: number }
  | { code: 'nothing-valid'; rejected: number; reason: RejectReason | null; hint: 'crs' | 'columns' | null }
  | { code: 'walk-needs-line'; waypoints: number; alternatives: LayerKind[] }
  | { code: 'layer-takes-none'; layer: LayerKind; skipped: number; types: GeometryType[]; alternatives: LayerKind[] }
  | { code: 'none-importable'; skipped: number; reasons: ReasonCount[] }
  | { code: 'some-skipped'; skipped: number; reasons: ReasonCount[] }
  | { code: 'waypoints-as-findings'; waypoints: number }
  | { code: 'waypoints-as-points'; waypoints: number; layer: LayerKind }
  | { code: 'all-left-out'; count: number }
  | { code: 'choose-activity' }
  | { code: 'attributes-trimmed' };

export interface ReasonCount {
  reason: RejectReason;
  count: number;
}

const isLine = (type: GeometryType) => type === 'LineString' || type === 'MultiLineString';

/** The layers that can take at least one candidate; GPX always offers the walk layer (that is what GPX is for). */
export function layersFor(parsed: ParsedImport): LayerKind[] {
  const types = new Set(parsed.candidates.map((c) => c.geometry.type));
  return LAYER_KINDS.filter((layer) => (parsed.format === 'gpx' && layer === 'safety-walk' && types.size > 0) || LAYER_GEOMETRY[layer].some((t) => types.has(t)));
}

/** GPX with a route or track is a walk, GPX with only waypoints is points; otherwise the first geometry decides. */
export function defaultLayer(parsed: ParsedImport | null): LayerKind | null {
  if (!parsed?.candidates.length) return null;
  if (parsed.format === 'gpx') return parsed.candidates.some((c) => isLine(c.geometry.type)) ? 'safety-walk' : 'unsafe-place';
  const type = parsed.candidates[0]!.geometry.type;
  if (type === 'Point') return 'unsafe-place';
  if (isLine(type)) return 'speed-control';
  return 'watch-area';
}

/** Other layers that would take some of the candidates, those taking the most first. */
function alternatives(parsed: ParsedImport, except: LayerKind): LayerKind[] {
  const counts = LAYER_KINDS.filter((l) => l !== except).map((layer) => ({
    layer,
    count: parsed.candidates.filter((c) => LAYER_GEOMETRY[layer].includes(c.geometry.type)).length,
  }));
  return counts.filter((c) => c.count > 0).sort((a, b) => b.count - a.count).map((c) => c.layer);
}

function reasonCounts(items: readonly RejectedItem[]): ReasonCount[] {
  const counts = new Map<RejectReason, number>();
  for (const item of items) counts.set(item.reason, (counts.get(item.reason) ?? 0) + 1);
  return [...counts].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count);
}

export interface AdviceInput {
  parsed: ParsedImport;
  layer: LayerKind | null;
  /** `replaced` comes with the plan of an app export (places whose id is already stored). */
  plan: (ImportPlan & { replaced?: number }) | null;
  activityIds: readonly string[];
  locatorAvailable: boolean;
}

export function adviseImport({ parsed, layer, plan, activityIds, locatorAvailable }: AdviceInput): ImportAdvice[] {
  const advice: ImportAdvice[] = [];
  if (!locatorAvailable) advice.push({ code: 'locator-unavailable' });
  if (parsed.appExport) {
    advice.push({ code: 'app-export', count: plan?.features.length ?? parsed.appExport.records.length, replaced: plan?.replaced ?? 0 });
    if (plan?.skipped.length) advice.push({ code: plan.features.length ? 'some-skipped' : 'none-importable', skipped: plan.skipped.length, reasons: reasonCounts(plan.skipped) });
    return advice;
  }
  if (!parsed.candidates.length) {
    const top = reasonCounts(parsed.rejected)[0]?.reason ?? null;
    const noColumns = parsed.format === 'csv' && (parsed.csv?.mapping.x === null || parsed.csv?.mapping.y === null || parsed.notes.some((n) => n.sv === CHOOSE_COLUMNS_NOTE.sv));
    const crsHint = (top === 'outside-sweden' || top === 'lat-lon-swapped') && parsed.format !== 'kml' && parsed.format !== 'gpx';
    advice.push({ code: 'nothing-valid', rejected: parsed.rejected.length, reason: top, hint: noColumns ? 'columns' : crsHint ? 'crs' : null });
    return advice;
  }
  if (!layer || !plan) return advice;

  const waypoints = parsed.candidates.filter((c) => c.gpxKind === 'waypoint').length;
  const hasLines = parsed.candidates.some((c) => isLine(c.geometry.type));
  if (layer === 'safety-walk' && waypoints > 0 && !hasLines) {
    advice.push({ code: 'walk-needs-line', waypoints, alternatives: alternatives(parsed, layer) });
  } else if (!plan.features.length && plan.skipped.length && plan.skipped.every((s) => s.reason === 'wrong-layer') && !plan.excluded) {
    const types = [...new Set(parsed.candidates.filter((c) => !LAYER_GEOMETRY[layer].includes(c.geometry.type)).map((c) => c.geometry.type))];
    advice.push({ code: 'layer-takes-none', layer, skipped: plan.skipped.length, types, alternatives: alternatives(parsed, layer) });
  } else if (plan.skipped.length) {
    advice.push({ code: plan.features.length ? 'some-skipped' : 'none-importable', skipped: plan.skipped.length, reasons: reasonCounts(plan.skipped) });
  }
  if (plan.findings > 0) advice.push({ code: 'waypoints-as-findings', waypoints: plan.findings });
  if (parsed.format === 'gpx' && waypoints > 0 && !hasLines && layer !== 'safety-walk') advice.push({ code: 'waypoints-as-points', waypoints, layer });
  if (!plan.features.length && plan.excluded > 0) advice.push({ code: 'all-left-out', count: plan.excluded });
  if (!activityIds.length && plan.features.length) advice.push({ code: 'choose-activity' });
  if (plan.attributesTrimmed) advice.push({ code: 'attributes-trimmed' });
  return advice;
}
