import { describe, expect, it } from 'vitest';
import { featuresOfDocument, resolveChain } from '../../../src/domain/chain';
import { indexDataset } from '../../../src/domain/dataset';
import { checkIntegrity, isSensitive } from '../../../src/domain/rules/integrity';
import { activity, dataset, focusArea, unsafePlace } from '../fixtures';

const codes = (d: ReturnType<typeof dataset>) => checkIntegrity(d).map((i) => `${i.code}:${i.subject}`);

describe('integrity rules', () => {
  it('finds nothing wrong in a consistent dataset', () => {
    expect(checkIntegrity(dataset())).toEqual([]);
  });
  it('reports a place linked to a missing activity', () => {
    expect(codes(dataset({ features: [unsafePlace({ activityIds: ['gone'] })] }))).toEqual(['missing-activity:f1']);
  });
  it('reports a place for a sensitive activity, directly or through its focus area', () => {
    expect(codes(dataset({ activities: [activity({ sensitive: true })] }))).toEqual(['sensitive-geometry:f1']);
    const inSensitiveArea = dataset({ focusAreas: [focusArea({ sensitive: true })] });
    expect(codes(inSensitiveArea)).toEqual(['sensitivity-not-inherited:act', 'sensitive-geometry:f1']);
    expect(isSensitive('act', inSensitiveArea)).toBe(true);
  });
  it('reports a place in another municipality than its promise', () => {
    expect(codes(dataset({ features: [unsafePlace({ municipalityCode: '2401' })] }))).toEqual(['municipality-mismatch:f1']);
  });
  it('reports duplicate ids and dangling focus areas', () => {
    expect(codes(dataset({ features: [unsafePlace(), unsafePlace()] }))).toEqual(['duplicate-id:f1']);
    expect(codes(dataset({ activities: [activity({ focusAreaId: 'nowhere' })] }))).toEqual(['missing-focus-area:act']);
  });
});

describe('the chain place → activity → focus area → document', () => {
  it('resolves each link and keeps ids of missing activities visible', () => {
    const index = indexDataset(dataset({ features: [unsafePlace({ activityIds: ['act', 'gone'] })] }));
    const chain = resolveChain(index, 'f1')!;
    expect(chain.links.map((l) => [l.activity.id, l.focusArea?.id, l.document?.id])).toEqual([['act', 'area', 'doc']]);
    expect(chain.missingActivityIds).toEqual(['gone']);
    expect(resolveChain(index, 'nope')).toBeNull();
  });
  it('lists all places of a document once, even when a place serves two of its activities', () => {
    const d = dataset({
      activities: [activity(), activity({ id: 'act2' })],
      features: [unsafePlace({ activityIds: ['act', 'act2'] }), unsafePlace({ id: 'f2' })],
    });
    expect(featuresOfDocument(indexDataset(d), 'doc').map((f) => f.id)).toEqual(['f1', 'f2']);
    expect(featuresOfDocument(indexDataset(d), 'other')).toEqual([]);
  });
});
