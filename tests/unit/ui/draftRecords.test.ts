import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkChange } from '../../../src/domain/rules/checkChange';
import { draftFromText } from '../../../src/io/draftDocument/draft';
import { activityChoices, activityProblems, areaChoices, areaProblems, draftChange } from '../../../src/ui/drafting/draftRecords';
import { document as fixtureDocument } from '../fixtures';

const text = readFileSync(new URL('../../../../shared/seeds/002_03a7ebd1eb6f95e1.txt', import.meta.url), 'utf8');
const empty = { documents: [], focusAreas: [], activities: [], features: [], statusEntries: [], contacts: [] };

describe('a confirmed draft becomes records', () => {
  const draft = draftFromText(text, { sourceFile: 'ekero.txt' });
  const document = { ...fixtureDocument, id: 'ekero-new', municipality: { code: '0125', name: 'Ekerö' } };

  it('checks each included part with the quote check of data/, and leaves excluded parts alone', () => {
    const areas = areaChoices(draft);
    expect(areas.every((a) => areaProblems(a, text).length === 0)).toBe(true);
    expect(areaProblems({ ...areas[0]!, quote: 'ord som inte står i texten' }, text)).toEqual(['quote-not-in-text']);
    expect(areaProblems({ ...areas[0]!, quote: 'ord som inte står i texten', include: false }, text)).toEqual([]);
    const activity = { ...activityChoices(draft)[0]!, area: null, responsible: [] };
    expect(activityProblems(activity, areas, text)).toEqual(['area', 'responsible']);
    // An activity under a focus area left out has no area to go to.
    expect(activityProblems({ ...activity, area: 0, responsible: [{ party: 'polis' as const, unit: null }] }, areas.map((a, i) => (i === 0 ? { ...a, include: false } : a)), text)).toEqual(['area']);
  });

  it('links the included parts under fresh ids in one change the write door accepts', () => {
    const areas = areaChoices(draft).map((a, i) => ({ ...a, include: i < 2 }));
    const activities = activityChoices(draft).map((a) => ({ ...a, area: a.area !== null && a.area < 2 ? a.area : 0, responsible: a.responsible.length ? a.responsible : [{ party: 'kommun' as const, unit: null }] }));
    let n = 0;
    const change = draftChange('utkast', document, areas, activities, () => String(++n));
    expect(change.put.documents).toEqual([document]);
    expect(change.put.focusAreas).toHaveLength(2);
    expect(change.put.activities).toHaveLength(activities.length);
    const areaIds = new Set(change.put.focusAreas!.map((a) => a.id));
    expect(change.put.activities!.every((a) => areaIds.has(a.focusAreaId) && a.documentId === document.id)).toBe(true);
    expect(checkChange(change, { stored: empty, locator: null })).toEqual([]);
  });
});
