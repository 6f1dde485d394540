import { z } from 'zod';

/** Fokusområde / prioriterat samverkansområde. `sensitive` marks e.g. brott i nära relation. */
export const focusAreaSchema = z.object({
  id: z.string().min(1),
  documentId: z.string().min(1),
  title: z.string().min(1),
  purpose: z.string().nullable(),
  goal: z.string().nullable(),
  sensitive: z.boolean(),
  quote: z.string().min(1),
});
export type FocusArea = z.infer<typeof focusAreaSchema>;
