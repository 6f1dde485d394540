import { recordDifferences } from '../domain/sync/differences';
import type { Dictionary } from './strings/sv';
import { useI18n } from './i18n';

/** A record's name as a person knows it: its name or title, else its id. */
export function recordName(mine: unknown, theirs: unknown, id: string): string {
  for (const record of [theirs, mine]) {
    if (typeof record !== 'object' || record === null) continue;
    const named = record as { name?: unknown; title?: unknown };
    if (typeof named.name === 'string') return named.name;
    if (typeof named.title === 'string') return named.title;
  }
  return id;
}

/** A field's name in words: the record's own fields, and a place's details by their form labels. */
export function fieldLabel(t: Dictionary, field: string): string {
  if (field.startsWith('details.')) return t.detailLabels[field.slice('details.'.length)] ?? field;
  return t.team.fieldNames[field] ?? field;
}

/** A value as text, never as HTML: lists joined, geometry by its kind and first position. */
export function valueText(t: Dictionary, field: string, value: unknown): string {
  if (value === undefined) return t.team.gone;
  if (value === null || value === '') return t.notGiven;
  if (typeof value === 'boolean') return value ? t.yes : t.no;
  if (typeof value === 'string') return t.detailValues[field.replace(/^details\./, '')]?.[value] ?? value;
  if (typeof value === 'number') return String(value);
  if (field === 'geometry' && typeof value === 'object' && 'type' in value) {
    const geometry = value as { type: string; coordinates: unknown };
    const first = firstPosition(geometry.coordinates);
    const kind = t.edit.geometryNames[geometry.type] ?? geometry.type;
    return first ? `${kind} ${first[1].toFixed(5)}, ${first[0].toFixed(5)}` : kind;
  }
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join(', ') || t.notGiven;
  return JSON.stringify(value);
}

function firstPosition(coordinates: unknown): [number, number] | null {
  let at = coordinates;
  while (Array.isArray(at) && Array.isArray(at[0])) at = at[0];
  return Array.isArray(at) && typeof at[0] === 'number' && typeof at[1] === 'number' ? [at[0], at[1]] : null;
}

/** Mine and theirs side by side, only the fields that differ, each named in words. */
export function DifferenceTable({ id, mine, theirs }: { id: string; mine: unknown; theirs: unknown }) {
  const { t } = useI18n();
  return (
    <table className="difference-table">
      <caption>{recordName(mine, theirs, id)}</caption>
      <thead>
        <tr>
          <th scope="col">{t.team.field}</th>
          <th scope="col">{t.team.mine}</th>
          <th scope="col">{t.team.theirs}</th>
        </tr>
      </thead>
      <tbody>
        {recordDifferences(mine, theirs).map((d) => (
          <tr key={d.field}>
            <th scope="row">{fieldLabel(t, d.field)}</th>
            <td>{valueText(t, d.field, d.mine)}</td>
            <td>{valueText(t, d.field, d.theirs)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
