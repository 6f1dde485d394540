import { describe, expect, it } from 'vitest';
import { shippedDataset } from '../../../src/data/shipped';
import { indexDataset } from '../../../src/domain/dataset';
import { buildFeatureRows } from '../../../src/domain/featureRows';
import { CSV_BOM, toSwedishCsv } from '../../../src/io/csv';
import { rowsToCsv, rowsToGeoJson } from '../../../src/io/exportRows';

describe('CSV for Swedish Excel', () => {
  it('starts with a BOM, separates with ; and ends lines with CRLF', () => {
    const csv = toSwedishCsv(['Namn', 'Lat'], [['Åkersberga', 59.3105]]);
    expect(csv).toBe(`${CSV_BOM}Namn;Lat\r\nÅkersberga;59,3105\r\n`);
  });
  it('quotes fields with ; quotes or line breaks, and leaves empty cells for null', () => {
    expect(toSwedishCsv(['a'], [['x;y'], ['say "hi"'], ['two\nlines'], [null]])).toBe(
      `${CSV_BOM}a\r\n"x;y"\r\n"say ""hi"""\r\n"two\nlines"\r\n\r\n`,
    );
  });
  it('neutralises text that Excel would run as a formula', () => {
    expect(toSwedishCsv(['a'], [['=HYPERLINK("http://evil")'], ['+1'], ['-2'], ['@x']])).toBe(
      `${CSV_BOM}a\r\n"'=HYPERLINK(""http://evil"")"\r\n'+1\r\n'-2\r\n'@x\r\n`,
    );
    expect(toSwedishCsv(['n'], [[-2.5]])).toBe(`${CSV_BOM}n\r\n-2,5\r\n`);
  });
});

describe('exporting the rows shown', () => {
  if (!shippedDataset.ok) throw new Error('invalid');
  const rows = buildFeatureRows(indexDataset(shippedDataset.value)).slice(0, 5);
  const labels = {
    header: Array.from({ length: 16 }, (_, i) => `h${i}`),
    layer: () => 'L',
    status: () => 'S',
    responsible: () => 'R',
    provenance: () => 'P',
  };
  it('writes one line per row with a point on the place in decimal-comma WGS 84', () => {
    const lines = rowsToCsv(rows, labels).replace(CSV_BOM, '').trimEnd().split('\r\n');
    expect(lines).toHaveLength(6);
    const cells = lines[1]!.split(';');
    expect(cells).toHaveLength(16);
    expect(cells[13]).toMatch(/^\d{2},\d+$/);
    expect(cells[14]).toMatch(/^\d{2},\d+$/);
  });
  it('writes valid GeoJSON with the chain names', () => {
    const collection = JSON.parse(rowsToGeoJson(rows)) as GeoJSON.FeatureCollection;
    expect(collection.features.map((f) => f.id)).toEqual(rows.map((r) => r.id));
    expect(collection.features[0]!.properties).toHaveProperty('documentTitles');
  });
});
