import type { ImportCandidate, ImportedValue, ParsedImport } from './importTypes';
import { ImportNotes, sanitizeName } from './sanitize';

/** Which property names the places of a GeoJSON, KML, GPX or shapefile import. */
export interface NamingInfo {
  /** Every property key in the file, in the order first seen (capped), for the preview's select. */
  keys: string[];
  /** The key names are taken from; null = none (places are named after file and label). */
  key: string | null;
  /** True when the key was guessed, false when the user chose it. */
  guessed: boolean;
}

const MAX_KEYS = 200;

/** Name keys in order of preference, normalised (lower case, å/ä → a, ö → o, only letters and digits). */
const PREFERRED = ['namn', 'name', 'omrade', 'gatunamn', 'title', 'titel', 'benamning', 'beteckning', 'label', 'platsnamn', 'objektnamn'];

export function normaliseKey(key: string): string {
  return key
    .toLowerCase()
    .replace(/[åä]/g, 'a')
    .replace(/ö/g, 'o')
    .replace(/é/g, 'e')
    .replace(/[^a-z0-9]/g, '');
}

const textOf = (value: ImportedValue | undefined): string | null =>
  typeof value === 'string' ? value.trim() || null : typeof value === 'number' && Number.isFinite(value) ? String(value) : null;

/** The property keys of all candidates, in first-seen order. */
export function propertyKeys(candidates: readonly ImportCandidate[]): string[] {
  const keys = new Set<string>();
  for (const c of candidates) {
    for (const key of Object.keys(c.properties)) {
      if (key.startsWith('_gpx')) continue;
      keys.add(key);
      if (keys.size >= MAX_KEYS) return [...keys];
    }
  }
  return [...keys];
}

/**
 * The usual name keys first (case and å/ä/ö ignored), then any key ending in "namn" or "name"
 * (SCB's KnNamn, kom_namn); a key that is empty in every feature (Lantmäteriet's gatunamn) is
 * passed over, since naming every place after nothing helps no one.
 */
export function guessNameKey(keys: readonly string[], candidates: readonly ImportCandidate[]): string | null {
  const hasValue = (key: string) => candidates.some((c) => textOf(c.properties[key]) !== null);
  const normalised = keys.map((k) => [k, normaliseKey(k)] as const);
  for (const preferred of PREFERRED) {
    for (const [key, norm] of normalised) if (norm === preferred && hasValue(key)) return key;
  }
  for (const [key, norm] of normalised) if ((norm.endsWith('namn') || norm.endsWith('name')) && hasValue(key)) return key;
  return null;
}

/**
 * Names every candidate from one property: the one the user chose (undefined = guess, null = none).
 * A guessed key leaves the parser's own per-feature name where the key is empty (a feature named
 * in `title` among features named in `namn`); a chosen key does not, so the choice is what they see.
 */
export function applyNaming(parsed: ParsedImport, nameKey: string | null | undefined): ParsedImport {
  const keys = propertyKeys(parsed.candidates);
  const chosen = typeof nameKey === 'string' && keys.includes(nameKey);
  const key = nameKey === null ? null : chosen ? nameKey : guessNameKey(keys, parsed.candidates);
  const notes = new ImportNotes();
  const candidates = parsed.candidates.map((c) => {
    const value = key === null ? null : textOf(c.properties[key]);
    const name = nameKey === null ? null : value !== null ? sanitizeName(value, notes) : chosen ? null : c.name;
    return name === c.name ? c : { ...c, name };
  });
  return { ...parsed, candidates, notes: [...parsed.notes, ...notes.list()], naming: { keys, key, guessed: !chosen && nameKey !== null } };
}

/** Properties a place already holds elsewhere (its name, a CSV's coordinate columns): left out of its attributes. */
export function keysHeldElsewhere(parsed: ParsedImport): string[] {
  if (parsed.csv) {
    const { mapping, headers } = parsed.csv;
    return [mapping.name, mapping.x, mapping.y].flatMap((column) => (column === null ? [] : [headers[column] ?? '']));
  }
  return parsed.naming?.key ? [parsed.naming.key] : [];
}
