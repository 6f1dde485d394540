import { z } from 'zod';
import { SCHEMA_MESSAGES } from './schemaMessages';

/** A finding's position as [lon, lat] in WGS 84; elevation is not kept (a finding is a spot on the map). */
const findingPoint = z
  .tuple([z.number().finite(), z.number().finite()])
  .refine(([lon, lat]) => Math.abs(lon) <= 180 && Math.abs(lat) <= 90, SCHEMA_MESSAGES.findingOffEarth.sv);

export const findingSchema = z.object({
  text: z.string().min(1, SCHEMA_MESSAGES.findingNeedsText.sv),
  point: findingPoint.nullable(),
});
export type Finding = z.infer<typeof findingSchema>;

/**
 * Findings were plain strings before they kept their position (database v2, backups written then).
 * The one conversion used by the v3 upgrade, the backup reader and the schema, so old data reads
 * the same wherever it comes from.
 */
export function upgradeFinding(value: unknown): unknown {
  return typeof value === 'string' ? { text: value, point: null } : value;
}

/** A feature-like record with its walk findings upgraded; anything else is returned as it is. */
export function upgradeFeatureFindings<T>(record: T): T {
  if (!record || typeof record !== 'object') return record;
  const details = (record as { details?: unknown }).details;
  if (!details || typeof details !== 'object') return record;
  const findings = (details as { findings?: unknown }).findings;
  if (!Array.isArray(findings) || !findings.some((f) => typeof f === 'string')) return record;
  return { ...record, details: { ...details, findings: findings.map(upgradeFinding) } };
}
