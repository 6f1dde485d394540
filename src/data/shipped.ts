import { parseShippedDataset } from './shippedDataset';
import { shippedFiles } from './shippedFiles';

/** Bump when data/ changes, so stored databases know which shipped dataset they were seeded from. */
export const SHIPPED_DATASET_VERSION = '2026-11-25.3';

export const shippedDataset = parseShippedDataset(shippedFiles);
