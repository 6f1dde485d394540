import { z } from 'zod';
import { ACTIVITY_STATUSES } from './layers';

export const RESPONSIBLE_PARTIES = ['polis', 'kommun', 'annan'] as const;
export type ResponsibleParty = (typeof RESPONSIBLE_PARTIES)[number];

/** Aktivitet: utmaning → åtgärder, with who is responsible and how far it has come. */
export const activitySchema = z.object({
  id: z.string().min(1),
  documentId: z.string().min(1),
  focusAreaId: z.string().min(1),
  title: z.string().min(1),
  challenge: z.string().nullable(),
  measures: z.array(z.string().min(1)),
  responsible: z.array(z.object({ party: z.enum(RESPONSIBLE_PARTIES), unit: z.string().nullable() })).min(1),
  status: z.enum(ACTIVITY_STATUSES),
  target: z.string().nullable(),
  sensitive: z.boolean(),
  quote: z.string().min(1),
});
export type Activity = z.infer<typeof activitySchema>;
