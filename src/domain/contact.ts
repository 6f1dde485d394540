import { z } from 'zod';
import { SCHEMA_MESSAGES } from './schemaMessages';
import { municipalitySchema } from './promiseDocument';

/**
 * Whom citizens contact about safety in a municipality (issue 13): filled in by its planners and
 * published on the municipality's public page. One record per municipality (id contact-<code>), a
 * role or a unit rather than a private person's own address is what planners are asked for.
 */
export const contactSchema = z
  .object({
    id: z.string().regex(/^contact-\d{4}$/, SCHEMA_MESSAGES.contactIdForm.sv),
    municipality: municipalitySchema,
    /** Who answers: a unit or a role, e.g. "Trygghetssamordnare, Nacka kommun". */
    organisation: z.string().trim().min(1, SCHEMA_MESSAGES.contactOrganisation.sv).max(200),
    email: z.string().trim().email(SCHEMA_MESSAGES.contactEmail.sv).max(200).nullable(),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9 ()-]{5,20}$/, 'telefonnumret får bara ha siffror, mellanslag, +, - och parenteser')
      .nullable(),
    web: z
      .string()
      .trim()
      .url(SCHEMA_MESSAGES.contactWeb.sv)
      .refine((u) => u.startsWith('https://') || u.startsWith('http://'), SCHEMA_MESSAGES.contactWeb.sv)
      .nullable(),
    /** When and how, e.g. "Vardagar 9–16. Akut: ring 112." */
    note: z.string().trim().max(500).nullable(),
    updatedAt: z.string().datetime({ offset: true }),
  })
  .refine((c) => c.id === `contact-${c.municipality.code}`, { message: SCHEMA_MESSAGES.contactId.sv, path: ['id'] })
  .refine((c) => c.email !== null || c.phone !== null || c.web !== null, { message: SCHEMA_MESSAGES.contactOneWay.sv, path: ['email'] });
export type Contact = z.infer<typeof contactSchema>;

export const contactIdOf = (municipalityCode: string) => `contact-${municipalityCode}`;
