import { ATTRIBUTE_LIMITS, FORBIDDEN_ATTRIBUTE_KEYS, type FeatureAttributes } from '../domain/attributes';
import type { ImportedValue } from './importTypes';

/** Properties that are the importer's own bookkeeping, not the file's data (togeojson's GPX kind). */
const INTERNAL_KEYS: ReadonlySet<string> = new Set(['_gpxType']);

export interface AttributeResult {
  attributes: FeatureAttributes | null;
  /** True when keys were dropped or values cut to the limits: the preview says so once. */
  trimmed: boolean;
}

/**
 * The properties of one imported row or feature as a place's attributes: every key but the ones
 * the place already holds elsewhere (its name, CSV coordinate columns), cut to the schema's limits.
 * Values stay plain text, numbers and booleans; nothing here is ever read as HTML.
 */
export function toAttributes(properties: Readonly<Record<string, ImportedValue>>, omitKeys: ReadonlySet<string>): AttributeResult {
  const attributes: FeatureAttributes = {};
  let count = 0;
  let trimmed = false;
  for (const key of Object.keys(properties)) {
    if (omitKeys.has(key) || INTERNAL_KEYS.has(key) || FORBIDDEN_ATTRIBUTE_KEYS.has(key) || key.trim() === '') continue;
    if (count >= ATTRIBUTE_LIMITS.keys) {
      trimmed = true;
      break;
    }
    const safeKey = key.length > ATTRIBUTE_LIMITS.keyLength ? key.slice(0, ATTRIBUTE_LIMITS.keyLength) : key;
    if (Object.hasOwn(attributes, safeKey) || FORBIDDEN_ATTRIBUTE_KEYS.has(safeKey)) continue;
    let value = properties[key] ?? null;
    if (typeof value === 'string' && value.length > ATTRIBUTE_LIMITS.valueLength) {
      value = value.slice(0, ATTRIBUTE_LIMITS.valueLength);
      trimmed = true;
    }
    if (safeKey !== key) trimmed = true;
    // defineProperty, not assignment: a key we did not foresee cannot invoke a setter.
    Object.defineProperty(attributes, safeKey, { value, enumerable: true, writable: true, configurable: true });
    count++;
  }
  return { attributes: count ? attributes : null, trimmed };
}

/** Attributes as one line of text for a table cell: "KOD: 0180 | antal: 7". */
export function attributesText(attributes: FeatureAttributes | undefined): string {
  if (!attributes) return '';
  return Object.entries(attributes)
    .map(([key, value]) => `${key}: ${value === null ? '' : String(value)}`)
    .join(' | ');
}
