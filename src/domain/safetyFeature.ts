import { z } from 'zod';
import { SCHEMA_MESSAGES } from './schemaMessages';
import { attributesSchema } from './attributes';
import { findingSchema, upgradeFinding } from './findings';
import { geometrySchema } from './geometry';
import { LAYER_GEOMETRY, PROVENANCE_KINDS, TIMES_OF_DAY } from './layers';

const unsafePlaceDetails = z.object({
  survey: z.string().nullable(),
  year: z.number().int().min(1900).max(2100).nullable(),
  timeOfDay: z.array(z.enum(TIMES_OF_DAY)),
  reasons: z.array(z.string().min(1)),
  responses: z.number().int().nonnegative().nullable(),
  /** When a planner last confirmed the place is still felt unsafe: fresh evidence, however old the survey. Optional: older records have none. */
  confirmedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().optional(),
});
const safetyWalkDetails = z.object({
  plannedDate: z.string().regex(/^\d{4}-\d{2}-\d{2}/).nullable(),
  organisers: z.array(z.string().min(1)),
  status: z.enum(['planned', 'done', 'unknown']),
  // Added for the citizens' site (issue 13): when and where to meet, and how to take part. Older records lack them.
  startTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'starttiden skrivs TT:MM').nullable().optional(),
  meetingPoint: z.string().trim().min(1).max(200).nullable().optional(),
  howToJoin: z.string().trim().min(1).max(500).nullable().optional(),
  // Old records (database v2, older backups) hold plain strings: read as findings without a position.
  findings: z.array(z.preprocess(upgradeFinding, findingSchema)),
});
const watchAreaDetails = z.object({
  households: z.number().int().nonnegative().nullable(),
  startYear: z.number().int().min(1900).max(2100).nullable(),
  contactRole: z.string().nullable(),
});
const speedControlDetails = z.object({
  streetName: z.string().min(1),
  speedLimit: z.number().positive().max(130).nullable(),
  meanSpeedBefore: z.number().positive().nullable(),
  meanSpeedAfter: z.number().positive().nullable(),
  controlDates: z.array(z.string().min(1)),
});
const focusPlaceDetails = z.object({
  placeKind: z.enum(['centrum', 'stadsdel', 'industriomrade', 'vallokal', 'kommun', 'annan']),
  description: z.string().nullable(),
});

const common = {
  id: z.string().min(1),
  name: z.string().min(1),
  municipalityCode: z.string().regex(/^\d{4}$/),
  activityIds: z.array(z.string().min(1)).min(1, SCHEMA_MESSAGES.placeNeedsActivity.sv),
  provenance: z.enum(PROVENANCE_KINDS),
  provenanceNote: z.string().min(1),
  geometry: geometrySchema,
  /** The other properties of an imported file's row or feature, shown as text. Absent on drawn and shipped places. */
  attributes: attributesSchema.optional(),
};

/** A place on the map (SafetyFeature): geometry + layer + the activities it serves + where it comes from. */
export const safetyFeatureSchema = z
  .discriminatedUnion('layer', [
    z.object({ ...common, layer: z.literal('unsafe-place'), details: unsafePlaceDetails }),
    z.object({ ...common, layer: z.literal('safety-walk'), details: safetyWalkDetails }),
    z.object({ ...common, layer: z.literal('watch-area'), details: watchAreaDetails }),
    z.object({ ...common, layer: z.literal('speed-control'), details: speedControlDetails }),
    z.object({ ...common, layer: z.literal('focus-place'), details: focusPlaceDetails }),
  ])
  .refine((f) => LAYER_GEOMETRY[f.layer].includes(f.geometry.type), {
    message: SCHEMA_MESSAGES.geometryNotForLayer.sv,
    path: ['geometry', 'type'],
  });
export type SafetyFeature = z.infer<typeof safetyFeatureSchema>;
