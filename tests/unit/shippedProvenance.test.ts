import { describe, expect, it } from 'vitest';
import { shippedDataset } from '../../src/data/shipped';
import type { Activity } from '../../src/domain/activity';
import { normaliseForQuote, quoteOccursIn } from '../../src/domain/quote';
import { readShared } from './sharedFiles';

if (!shippedDataset.ok) throw new Error(shippedDataset.error.map((i) => `${i.subject}: ${i.message}`).join('\n'));
const dataset = shippedDataset.value;
const documentOf = new Map(dataset.documents.map((d) => [d.id, d]));
const activityOf = new Map(dataset.activities.map((a) => [a.id, a]));
const seedOf = (documentId: string) => normaliseForQuote(readShared('seeds', documentOf.get(documentId)!.sourceFile));
const activityText = (a: Activity) => normaliseForQuote([a.title, a.challenge ?? '', ...a.measures, a.target ?? '', a.quote].join(' '));

/**
 * The proper names in a feature's name (capitalised words of 4+ letters, or with a digit like
 * "E4"), leaving out the municipality's own name: "Fisksätra centrum" → Fisksätra, "Nacka
 * stadshus" → nothing. A document "names the place" only if one of these occurs in what an
 * activity the feature serves says.
 */
function properNames(name: string, municipality: string): string[] {
  return name
    .replace(/\(.*?\)/g, ' ')
    .split(/\s+/)
    .filter((w) => /^(\p{Lu}\p{L}{3,}|\p{Lu}\d+)$/u.test(w) && !w.startsWith(municipality));
}

describe('provenance in the shipped data says only what the document says', () => {
  it('calls a geometry "document" or "approximate" only where an activity it serves names the place', () => {
    const overclaimed = dataset.features
      .filter((f) => f.provenance === 'document' || f.provenance === 'approximate')
      .filter((f) => {
        const activities = f.activityIds.map((id) => activityOf.get(id)!);
        const municipality = documentOf.get(activities[0]!.documentId)!.municipality.name;
        const named = properNames(f.name, municipality);
        return !named.some((word) => activities.some((a) => activityText(a).includes(word)));
      })
      .map((f) => `${f.id} (${f.provenance}): ${f.name}`);
    expect(overclaimed).toEqual([]);
  });

  it('marks every speed-control street its document does not name as an example chosen by us', () => {
    const speed = dataset.features.filter((f) => f.layer === 'speed-control');
    expect(speed.length).toBeGreaterThanOrEqual(3);
    const wrong = speed.flatMap((f) => {
      if (f.layer !== 'speed-control') return [];
      const documentId = activityOf.get(f.activityIds[0]!)!.documentId;
      if (seedOf(documentId).includes(f.details.streetName)) return [];
      const problems = [
        f.provenance !== 'illustrative' && `provenance ${f.provenance}`,
        !/\(exempel\)/.test(f.name) && 'namnet saknar "(exempel)"',
        !/^Exempel\./.test(f.provenanceNote) && 'noten börjar inte med "Exempel."',
        !/namnger inga gator/.test(f.provenanceNote) && 'noten säger inte att dokumentet inte namnger några gator',
        !/vi valt/i.test(f.provenanceNote) && 'noten säger inte att vi valt sträckan',
      ].filter(Boolean);
      return problems.length ? [`${f.id}: ${problems.join(', ')}`] : [];
    });
    expect(wrong).toEqual([]);
  });

  it('writes every example the same way: "(exempel)" in the name, a note that begins "Exempel."', () => {
    const wrong = dataset.features
      .filter((f) => f.provenance === 'illustrative')
      .filter((f) => !/\(exempel\)/.test(f.name) || !/^Exempel\./.test(f.provenanceNote))
      .map((f) => f.id);
    expect(wrong).toEqual([]);
    // And the other way round: a name that says "exempel" is an example.
    expect(dataset.features.filter((f) => /exempel/i.test(f.name) && f.provenance !== 'illustrative').map((f) => f.id)).toEqual([]);
  });
});

describe('the Nacka 2022 plan, one activity per table row', () => {
  const seed = readShared('seeds', '001_31426a8171599e31.txt');
  const nacka = dataset.activities.filter((a) => a.documentId === 'nacka-2022');

  it('has as many activities as the plan has Utmaning/Åtgärd rows', () => {
    const rows = seed.match(/^Utmaning Åtgärd Ansvarig Status/gm) ?? [];
    expect(rows).toHaveLength(28);
    expect(nacka).toHaveLength(rows.length);
  });

  it('gives each of the two SSPF challenges its own activity and its own verbatim quote', () => {
    const sspf = nacka.filter((a) => a.title.startsWith('SSPF'));
    expect(sspf).toHaveLength(2);
    const [first, second] = ['Att minimera unga i riskzon', 'Att förhindra att ungdomar rekryteras i kriminella nätverk'].map(
      (challenge) => sspf.find((a) => a.challenge?.startsWith(challenge)),
    );
    expect(first?.id).toBe('nacka-2022-sspf');
    expect(second).toBeDefined();
    for (const a of sspf) {
      expect(quoteOccursIn(a.quote, seed), a.id).toBe(true);
      expect(a.challenge && normaliseForQuote(a.challenge).includes(normaliseForQuote(a.quote)), `${a.id}: citatet kommer ur utmaningen`).toBe(true);
    }
    // Only the second row adds "Inkludera ungdomar över 18 år."
    expect(first!.measures).not.toContain('Inkludera ungdomar över 18 år.');
    expect(second!.measures).toContain('Inkludera ungdomar över 18 år.');
  });
});
