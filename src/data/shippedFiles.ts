import type { ShippedFiles } from './shippedDataset';

const rawFeatureFiles = import.meta.glob<string>('../../data/features/*.geojson', {
  eager: true,
  import: 'default',
  query: '?raw',
});

/** The dataset in data/, bundled at build time so the app starts offline with no request. */
export const shippedFiles: ShippedFiles = {
  documentFiles: import.meta.glob('../../data/documents/*.json', { eager: true, import: 'default' }),
  featureFiles: Object.fromEntries(Object.entries(rawFeatureFiles).map(([path, text]) => [path, parseOrKeep(text)])),
};

/** A malformed file stays a string, which the schema then rejects with the file's name. */
function parseOrKeep(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
