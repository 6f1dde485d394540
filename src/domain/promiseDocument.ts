import { z } from 'zod';
import { SCHEMA_MESSAGES } from './schemaMessages';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'datum ska skrivas ÅÅÅÅ-MM-DD');

export const DOCUMENT_KINDS = ['medborgarlofte', 'plan-for-samverkan', 'samverkansoverenskommelse'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const SOURCE_KINDS = [
  'medborgardialog',
  'medarbetardialog',
  'samverkansdialog',
  'trygghetsundersokning',
  'brottsstatistik',
  'incidentrapporter',
  'lagesbild',
  'strategiska-dokument',
  'samverkanspartners',
] as const;

export const municipalitySchema = z.object({
  code: z.string().regex(/^\d{4}$/, 'kommunkoden har fyra siffror'),
  name: z.string().min(1),
});
export type Municipality = z.infer<typeof municipalitySchema>;

/** A medborgarlöfte, plan för samverkan or samverkansöverenskommelse: the root of every chain. */
export const promiseDocumentSchema = z
  .object({
    id: z.string().min(1),
    kind: z.enum(DOCUMENT_KINDS),
    title: z.string().min(1),
    municipality: municipalitySchema,
    policeArea: z.string().min(1),
    period: z.object({ from: isoDate, to: isoDate }),
    periodNote: z.string().nullable(),
    signedDate: isoDate.nullable(),
    signatories: z.array(z.object({ name: z.string().min(1), role: z.string().min(1) })),
    sources: z.array(z.enum(SOURCE_KINDS)),
    followUp: z.string().nullable(),
    sourceFile: z.string().min(1),
    quote: z.string().min(1),
  })
  .refine((d) => d.period.from <= d.period.to, { message: SCHEMA_MESSAGES.periodBackwards.sv, path: ['period'] });
export type PromiseDocument = z.infer<typeof promiseDocumentSchema>;
