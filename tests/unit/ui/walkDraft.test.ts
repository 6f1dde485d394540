import { describe, expect, it } from 'vitest';
import { indexDataset } from '../../../src/domain/dataset';
import { draftFromFeature, draftToFeature, newDraft } from '../../../src/ui/editing/featureDraft';
import { activity, dataset } from '../fixtures';

describe('a safety walk’s time, meeting point and how to join', () => {
  const index = indexDataset(dataset({ activities: [activity()] }));
  const route = { type: 'LineString' as const, coordinates: [[18.25, 59.3], [18.26, 59.31]] };
  const walk = (details: Record<string, string | string[]>) => {
    const draft = newDraft('safety-walk', route, 'ritad');
    return draftToFeature({ ...draft, name: 'Kvällsvandring', activityIds: ['act'], details: { ...draft.details, ...details } }, index, () => 'w1');
  };
  it('are kept when given, absent when left empty (as in older records), and a wrong time is named', () => {
    const saved = walk({ plannedDate: '2027-02-10', startTime: '18:30', meetingPoint: 'Busstorget', howToJoin: 'Ingen anmälan' });
    expect('feature' in saved && saved.feature.details).toMatchObject({ startTime: '18:30', meetingPoint: 'Busstorget', howToJoin: 'Ingen anmälan' });
    const plain = walk({ plannedDate: '2027-02-10' });
    expect('feature' in plain && Object.keys(plain.feature.details)).not.toContain('startTime');
    expect(walk({ startTime: '25:00' })).toEqual({ errors: { 'details.startTime': { sv: 'Ange tiden som TT:MM, t.ex. 18:30.', en: 'Enter the time as HH:MM, e.g. 18:30.' } } });
    if ('feature' in saved) expect(draftFromFeature(saved.feature).details.startTime).toBe('18:30');
  });
});
