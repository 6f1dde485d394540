import { z } from 'zod';
import { SCHEMA_MESSAGES } from './schemaMessages';

/**
 * Limits on the properties a place carries over from an imported file: enough for the columns of a
 * municipal GIS layer, small enough that 100 000 imported places stay fast to store and show.
 */
export const ATTRIBUTE_LIMITS = { keys: 50, keyLength: 100, valueLength: 500 } as const;

/** Keys that reach Object.prototype when assigned with obj[key] = value somewhere downstream. */
export const FORBIDDEN_ATTRIBUTE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export const attributeValueSchema = z.union([z.string().max(ATTRIBUTE_LIMITS.valueLength), z.number().finite(), z.boolean(), z.null()]);
export type AttributeValue = z.infer<typeof attributeValueSchema>;

export const attributesSchema = z
  .record(
    z
      .string()
      .min(1)
      .max(ATTRIBUTE_LIMITS.keyLength)
      .refine((key) => !FORBIDDEN_ATTRIBUTE_KEYS.has(key), SCHEMA_MESSAGES.forbiddenAttribute.sv),
    attributeValueSchema,
  )
  .refine((record) => Object.keys(record).length <= ATTRIBUTE_LIMITS.keys, `högst ${ATTRIBUTE_LIMITS.keys} egenskaper`);
export type FeatureAttributes = z.infer<typeof attributesSchema>;
