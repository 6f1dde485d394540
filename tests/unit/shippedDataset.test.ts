import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { shippedDataset } from '../../src/data/shipped';
import { LAYER_KINDS } from '../../src/domain/layers';
import { quoteOccursIn } from '../../src/domain/quote';
import { checkIntegrity, isSensitive } from '../../src/domain/rules/integrity';

const SEEDS = '../shared/seeds';

describe('the shipped dataset (data/)', () => {
  it('passes its schemas', () => {
    if (!shippedDataset.ok) expect(shippedDataset.error.map((i) => `${i.subject}: ${i.message}`)).toEqual([]);
    expect(shippedDataset.ok).toBe(true);
  });
});
