import { describe, expect, it } from 'vitest';
import { shippedPoliceAreas } from '../../../src/data/policeAreas';
import { shippedDataset } from '../../../src/data/shipped';
import { policeAreaOfMunicipality, policeAreaRegisterSchema } from '../../../src/domain/policeAreas';
import { quoteOccursIn } from '../../../src/domain/quote';
import { readShared } from '../sharedFiles';

describe('the register of police areas', () => {
  const register = shippedPoliceAreas();
  it('quotes its seed document for every membership, and says why where one is inferred', () => {
    for (const area of register.areas)
      for (const m of area.municipalities) {
        expect(quoteOccursIn(m.source.quote, readShared('seeds', m.source.sourceFile)), `${area.id}/${m.name}`).toBe(true);
        // The patrol view shows why in the UI's language: both notes, or neither.
        if (m.inferred) expect([m.note, m.noteSv].every(Boolean), `${area.id}/${m.name}`).toBe(true);
        expect(Boolean(m.note), `${area.id}/${m.name}`).toBe(Boolean(m.noteSv));
      }
  });
  it('holds every shipped document’s municipality under the police area the document names', () => {
    if (!shippedDataset.ok) throw new Error('shipped data invalid');
    for (const document of shippedDataset.value.documents) expect(policeAreaOfMunicipality(register, document.municipality.code)?.name, document.id).toBe(document.policeArea);
    // Per the documents: Nacka and Värmdö with LPO Nacka, Ekerö with LPO Vällingby, neither inferred.
    const nacka = register.areas.find((a) => a.id === 'lpo-nacka')!;
    expect(nacka.municipalities.filter((m) => !m.inferred).map((m) => m.name)).toEqual(['Nacka', 'Värmdö']);
    expect(policeAreaOfMunicipality(register, '0125')?.id).toBe('lpo-vallingby');
  });
  it('refuses a municipality in two police areas', () => {
    const twice = { ...register, areas: [...register.areas, { ...register.areas[0]!, id: 'copy' }] };
    expect(policeAreaRegisterSchema.safeParse(twice).success).toBe(false);
  });
});
