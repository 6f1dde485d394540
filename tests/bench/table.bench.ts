import { constructTable, tableFeatures } from '@tanstack/table-core';
import { storeReactivityBindings } from '@tanstack/table-core/store-reactivity-bindings';
import { bench, describe } from 'vitest';
import { indexDataset, type Dataset } from '../../src/domain/dataset';
import { buildFeatureRows } from '../../src/domain/featureRows';
import type { SafetyFeature } from '../../src/domain/safetyFeature';
import { buildColumns, placesTableFeatures } from '../../src/ui/PlacesTable';
import { sv } from '../../src/ui/strings/sv';
import { activity, document, focusArea, unsafePlace } from '../unit/fixtures';

const N = 100_000;
const names = ['Östra torget', 'Ängen', 'Åkervägen', 'Zinkgruvan', 'Skolgården', 'Centrum', 'Busshållplats', 'Parken'];
const features: SafetyFeature[] = Array.from({ length: N }, (_, i) =>
  unsafePlace({ id: `f-${i}`, name: `${names[i % names.length]} ${i}`, geometry: { type: 'Point', coordinates: [18 + (i % 1000) / 1000, 59.3] } }),
);
const dataset: Dataset = { documents: [document], focusAreas: [focusArea()], activities: [activity()], features, statusEntries: [] };
const rows = buildFeatureRows(indexDataset(dataset));
const columns = buildColumns(sv, 'sv');
const features_ = tableFeatures({ ...placesTableFeatures, coreReactivityFeature: storeReactivityBindings() });

function firstPage(sortBy: string) {
  const table = constructTable({
    features: features_,
    columns: columns as never,
    data: rows,
    getRowId: (row: { id: string }) => row.id,
    initialState: { sorting: [{ id: sortBy, desc: false }], pagination: { pageIndex: 0, pageSize: 50 } },
  });
  return table.getRowModel().rows.length;
}

describe(`the places table, ${N} rows: first page after a data or sort change`, () => {
  bench('sorted by name (Swedish collation) + paged', () => {
    firstPage('name');
  });
  bench('sorted by period + paged', () => {
    firstPage('period');
  });
});
