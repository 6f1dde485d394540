import { z } from 'zod';

/**
 * Local police areas (lokalpolisområden) and the municipalities they serve (data/police-areas.json):
 * the citizens' site has a page per police area and the patrol list can be limited to one. A
 * membership names the seed document and a quote that says it, or is marked inferred with why.
 */
const membershipSchema = z.object({
  code: z.string().regex(/^\d{4}$/, 'kommunkoden har fyra siffror'),
  name: z.string().min(1),
  source: z.object({ sourceFile: z.string().min(1), quote: z.string().min(1) }),
  inferred: z.boolean(),
  /** Why, where it is inferred: in English (the register's language), and in Swedish for the app's Swedish UI. */
  note: z.string().min(1).optional(),
  noteSv: z.string().min(1).optional(),
});

export const policeAreaSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'id med små bokstäver, siffror och bindestreck'),
  name: z.string().min(1),
  policeRegion: z.string().min(1),
  municipalities: z.array(membershipSchema).min(1),
  note: z.string().min(1).optional(),
  noteSv: z.string().min(1).optional(),
});
export type PoliceArea = z.infer<typeof policeAreaSchema>;

export const policeAreaRegisterSchema = z
  .object({ about: z.string(), areas: z.array(policeAreaSchema) })
  .refine((r) => new Set(r.areas.map((a) => a.id)).size === r.areas.length, { message: 'två polisområden har samma id' })
  .refine((r) => {
    const codes = r.areas.flatMap((a) => a.municipalities.map((m) => m.code));
    return new Set(codes).size === codes.length;
  }, { message: 'en kommun hör till två polisområden' });
export type PoliceAreaRegister = z.infer<typeof policeAreaRegisterSchema>;

/** The police area a municipality belongs to, if the register knows it. */
export function policeAreaOfMunicipality(register: PoliceAreaRegister, code: string): PoliceArea | undefined {
  return register.areas.find((area) => area.municipalities.some((m) => m.code === code));
}
