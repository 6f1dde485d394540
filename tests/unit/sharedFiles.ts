import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** ../shared is read in place (never copied into the project); TRYGGHETSKARTAN_SHARED overrides it. */
export const SHARED = resolve(process.env.TRYGGHETSKARTAN_SHARED ?? '../shared');

export function readShared(...path: string[]): string {
  const file = join(SHARED, ...path);
  if (!existsSync(file)) throw new Error(`${file} saknas: testerna läser ../shared på plats (sätt TRYGGHETSKARTAN_SHARED).`);
  return readFileSync(file, 'utf8');
}

export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
