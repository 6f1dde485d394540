import { enCount, svCount } from '../domain/plural';
import { text, type Text } from '../domain/text';
import type { ImportedValue } from './importTypes';

export const MAX_TEXT = 1000;
export const MAX_NAME = 200;
const MAX_KEYS = 200;
/** Keys that reach Object.prototype when assigned with obj[key] = value somewhere downstream. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Collects notes once per kind: a file with 10 000 long descriptions gets one note with a count,
 * not 10 000 notes.
 */
export class ImportNotes {
  private readonly plain: Text[] = [];
  private readonly counted = new Map<string, { count: number; text: (n: number) => Text }>();

  /** Once per note: the Swedish words identify it (both languages say the same thing). */
  add(note: Text): void {
    if (!this.plain.some((p) => p.sv === note.sv)) this.plain.push(note);
  }
  count(key: string, make: (n: number) => Text): void {
    const entry = this.counted.get(key);
    if (entry) entry.count++;
    else this.counted.set(key, { count: 1, text: make });
  }
  list(): Text[] {
    return [...this.plain, ...[...this.counted.values()].map((e) => e.text(e.count))];
  }
}

function truncate(value: string, max: number, notes: ImportNotes, what: 'text' | 'name'): string {
  if (value.length <= max) return value;
  if (what === 'name') notes.count('name-truncated', (n) => text(`${svCount(n, 'namn', 'namn')} kortades till ${MAX_NAME} tecken`, `${enCount(n, 'name was', 'names were')} cut to ${MAX_NAME} characters`));
  else notes.count('text-truncated', (n) => text(`${svCount(n, 'text', 'texter')} kortades till ${MAX_TEXT} tecken`, `${enCount(n, 'text was', 'texts were')} cut to ${MAX_TEXT} characters`));
  return value.slice(0, max);
}

/** One value from a file as ImportedValue: text stays text (never parsed as HTML), objects become JSON text. */
export function sanitizeValue(value: unknown, notes: ImportNotes): ImportedValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return truncate(value, MAX_TEXT, notes, 'text');
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'object') {
    let json: string;
    try {
      json = JSON.stringify(value) ?? '';
    } catch {
      json = ''; // cyclic: cannot come from JSON.parse, but a DOM-derived object might
    }
    return truncate(json, MAX_TEXT, notes, 'text');
  }
  return truncate(String(value), MAX_TEXT, notes, 'text');
}

/**
 * A property bag from a file, copied into a fresh plain object. Prototype keys are dropped rather
 * than renamed: nothing downstream should ever see them as data.
 */
export function sanitizeProperties(raw: unknown, notes: ImportNotes): Record<string, ImportedValue> {
  const out: Record<string, ImportedValue> = {};
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return out;
  let kept = 0;
  for (const key of Object.keys(raw)) {
    if (FORBIDDEN_KEYS.has(key)) {
      notes.count('forbidden-key', (n) =>
        text(
          `${svCount(n, 'egenskap', 'egenskaper')} med otillåtet namn (__proto__, constructor, prototype) togs bort`,
          `${enCount(n, 'property', 'properties')} with a forbidden name (__proto__, constructor, prototype) removed`,
        ),
      );
      continue;
    }
    if (kept >= MAX_KEYS) {
      notes.count('too-many-keys', () => text(`objekt med fler än ${MAX_KEYS} egenskaper kortades`, `features with more than ${MAX_KEYS} properties were cut short`));
      break;
    }
    const safeKey = key.length > MAX_NAME ? key.slice(0, MAX_NAME) : key;
    if (FORBIDDEN_KEYS.has(safeKey)) continue;
    // defineProperty, not assignment: even a key we did not foresee cannot invoke a setter.
    Object.defineProperty(out, safeKey, {
      value: sanitizeValue((raw as Record<string, unknown>)[key], notes),
      enumerable: true,
      writable: true,
      configurable: true,
    });
    kept++;
  }
  return out;
}

const NAME_KEYS = ['name', 'namn', 'title', 'titel', 'Name', 'NAMN'];

/** First non-empty of the usual name keys, trimmed and cut to MAX_NAME. */
export function pickName(properties: Record<string, ImportedValue>, notes: ImportNotes, extraKeys: readonly string[] = []): string | null {
  for (const key of [...NAME_KEYS, ...extraKeys]) {
    if (!Object.hasOwn(properties, key)) continue;
    const value = properties[key];
    if (value === null || value === undefined || typeof value === 'boolean') continue;
    const text = String(value).trim();
    if (text) return sanitizeName(text, notes);
  }
  return null;
}

export function sanitizeName(text: string, notes: ImportNotes): string | null {
  const trimmed = text.trim();
  return trimmed ? truncate(trimmed, MAX_NAME, notes, 'name') : null;
}
