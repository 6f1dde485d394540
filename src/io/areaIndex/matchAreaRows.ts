import { areaIndexRowSchema, type AreaIndexRow, type AreaPolygonSet } from '../../domain/areaIndex';
import { normaliseAreaCode, normaliseAreaName, shownCell } from './normalise';
import type { AreaIndexValue, AreaRejectedItem, CsvColumnsFound } from './types';

export interface MatchedAreaIndex {
  rows: AreaIndexRow[];
  rejected: AreaRejectedItem[];
  /** Keys of the polygons at least one row matched. */
  matchedAreas: string[];
}

/**
 * Each value to its polygon: by code first (leading zeros and case aside), then by name (case,
 * diacritics and punctuation aside); a code column holding names, or a name column holding codes,
 * still matches. A name shared by several polygons matches none (ambiguous), so a value never lands
 * on the wrong area. A row whose area is unknown is named once, however many questions it holds.
 */
export function matchAreaRows(values: readonly AreaIndexValue[], polygons: AreaPolygonSet, columns: Pick<CsvColumnsFound, 'code' | 'name'>): MatchedAreaIndex {
  const byCode = new Map<string, string>();
  const byName = new Map<string, string[]>();
  for (const area of polygons.areas) {
    if (area.code) byCode.set(normaliseAreaCode(area.code), area.key);
    if (area.name) {
      const key = normaliseAreaName(area.name);
      byName.set(key, [...(byName.get(key) ?? []), area.key]);
    }
  }
  const lookUp = (value: AreaIndexValue): { key: string } | { reason: 'unknown-area' | 'ambiguous-area' } => {
    const texts = [value.code, value.name].filter((t): t is string => t !== null);
    for (const text of texts) {
      const hit = byCode.get(normaliseAreaCode(text));
      if (hit) return { key: hit };
    }
    let ambiguous = false;
    for (const text of [...texts].reverse()) {
      const hits = byName.get(normaliseAreaName(text)) ?? [];
      if (hits.length === 1) return { key: hits[0]! };
      if (hits.length > 1) ambiguous = true;
    }
    return { reason: ambiguous ? 'ambiguous-area' : 'unknown-area' };
  };

  const rows: AreaIndexRow[] = [];
  const rejected: AreaRejectedItem[] = [];
  const rejectedLines = new Set<number>();
  const seen = new Set<string>();
  const matched = new Set<string>();
  const areaDetail = (value: AreaIndexValue) =>
    [value.code !== null ? `${columns.code ?? columns.name} = ${shownCell(value.code)}` : null, value.name !== null ? `${columns.name ?? columns.code} = ${shownCell(value.name)}` : null]
      .filter(Boolean)
      .join(', ');
  for (const value of values) {
    const found = lookUp(value);
    if ('reason' in found) {
      if (!rejectedLines.has(value.line)) rejected.push({ kind: 'row', index: value.line, reason: found.reason, detail: areaDetail(value) });
      rejectedLines.add(value.line);
      continue;
    }
    const id = JSON.stringify([found.key, value.year, value.question.toLocaleLowerCase('sv')]);
    if (seen.has(id)) {
      rejected.push({ kind: 'row', index: value.line, question: value.question, reason: 'duplicate-value', detail: `${areaDetail(value)}, ${value.year}` });
      continue;
    }
    const row = areaIndexRowSchema.safeParse({ areaKey: found.key, ...(value.name ? { areaName: value.name } : {}), year: value.year, question: value.question, index: value.index });
    if (!row.success) continue; // the parser has already checked every field; kept as a guard
    seen.add(id);
    matched.add(found.key);
    rows.push(row.data);
  }
  rejected.sort((a, b) => a.index - b.index);
  return { rows, rejected, matchedAreas: [...matched] };
}
