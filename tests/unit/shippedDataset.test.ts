import { describe, expect, it } from 'vitest';
import { verticesOutside, type Boundary } from '../../src/analysis/containment';
import { shippedDataset } from '../../src/data/shipped';
import { kinks, lineString, polygon } from '@turf/turf';
import { LAYER_KINDS } from '../../src/domain/layers';
import { QUOTE_NORMALISATION_STEPS, quoteOccursIn } from '../../src/domain/quote';
import { checkIntegrity, isSensitive } from '../../src/domain/rules/integrity';
import { testMunicipalityLocator } from './helpers/municipalityLocator';
import { readShared } from './sharedFiles';

if (!shippedDataset.ok) throw new Error(shippedDataset.error.map((i) => `${i.subject}: ${i.message}`).join('\n'));
const dataset = shippedDataset.value;
const seedText = (file: string) => readShared('seeds', file);
const municipalities = JSON.parse(readShared('geodata', 'swedish_municipalities.geojson')) as GeoJSON.FeatureCollection<Boundary, { id: string }>;

describe('the shipped dataset (data/)', () => {
  it('has all five source documents, each traceable to its seed file', () => {
    expect(dataset.documents.map((d) => d.sourceFile).sort()).toEqual([
      '000_5a0edec2a7f945c2.txt',
      '001_31426a8171599e31.txt',
      '002_03a7ebd1eb6f95e1.txt',
      '003_8437af51dbd8fa49.txt',
      '004_dbef6e64e7537e9c.txt',
    ]);
    expect(new Set(dataset.documents.map((d) => d.municipality.code))).toEqual(new Set(['0182', '0125', '0120', '2401']));
  });

  it('has the Nacka 2022 plan complete: 28 activities (one per table row) in 5 focus areas', () => {
    const areas = dataset.focusAreas.filter((f) => f.documentId === 'nacka-2022');
    const activities = dataset.activities.filter((a) => a.documentId === 'nacka-2022');
    expect(areas).toHaveLength(5);
    expect(activities).toHaveLength(28);
    expect(activities.find((a) => a.title === 'Krogkontroller')?.target).toMatch(/två krogkontroller/);
  });

  it('finds every quote verbatim in its seed file, after the stated normalisation', () => {
    const sourceOf = new Map(dataset.documents.map((d) => [d.id, seedText(d.sourceFile)]));
    const records = [
      ...dataset.documents.map((d) => ({ id: d.id, documentId: d.id, quote: d.quote })),
      ...dataset.focusAreas,
      ...dataset.activities,
    ];
    const missing = records.filter((r) => !quoteOccursIn(r.quote, sourceOf.get(r.documentId) ?? '')).map((r) => `${r.id}: «${r.quote}»`);
    expect(missing, `normalisation: ${QUOTE_NORMALISATION_STEPS.join('; ')}`).toEqual([]);
    expect(records.length).toBeGreaterThan(80);
  });

  it('has no broken links, duplicate ids or sensitive places', () => {
    expect(checkIntegrity(dataset)).toEqual([]);
  });

  it('places every shipped geometry in Sweden, in the municipality it names', () => {
    expect(checkIntegrity(dataset, { locator: testMunicipalityLocator() })).toEqual([]);
  });

  it('marks domestic violence and vulnerable victims as sensitive and gives them no geometry', () => {
    const sensitiveAreas = dataset.focusAreas.filter((f) => f.sensitive).map((f) => f.title);
    expect(sensitiveAreas).toEqual(expect.arrayContaining(['Särskilt utsatta brottsoffer', 'Hemmet ska vara en trygg plats']));
    expect(sensitiveAreas.length).toBeGreaterThanOrEqual(4);
    const linked = dataset.features.flatMap((f) => f.activityIds);
    expect(linked.filter((id) => isSensitive(id, dataset))).toEqual([]);
  });

  it('has at least three features in each layer, and places in all four municipalities', () => {
    for (const layer of LAYER_KINDS) expect(dataset.features.filter((f) => f.layer === layer).length, layer).toBeGreaterThanOrEqual(3);
    expect(new Set(dataset.features.map((f) => f.municipalityCode))).toEqual(new Set(['0182', '0125', '0120', '2401']));
  });

  it('places every geometry inside its municipality (300 m tolerance for the coarse outlines)', () => {
    const outside = dataset.features.flatMap((feature) => {
      const boundary = municipalities.features.find((m) => m.properties.id === feature.municipalityCode);
      if (!boundary) return [`${feature.id}: kommun ${feature.municipalityCode} saknas`];
      return verticesOutside(feature.geometry, boundary.geometry, 300).map(
        (v) => `${feature.id}: ${v.position.join(',')} ligger ${Math.round(v.distanceMetres)} m utanför`,
      );
    });
    expect(outside).toEqual([]);
  });

  it('has simple geometries: no self-intersecting routes or rings', () => {
    const kinked = dataset.features.filter((f) => {
      if (f.geometry.type === 'LineString') return kinks(lineString(f.geometry.coordinates)).features.length > 0;
      if (f.geometry.type === 'Polygon') return kinks(polygon(f.geometry.coordinates)).features.length > 0;
      return false;
    });
    expect(kinked.map((f) => f.id)).toEqual([]);
  });

  it('is honest about illustrative geometry', () => {
    for (const feature of dataset.features.filter((f) => f.provenance === 'illustrative'))
      expect(`${feature.name} ${feature.provenanceNote}`, feature.id).toMatch(/exempel/i);
    expect(dataset.features.find((f) => /Gustavsbergs Centrum/.test(f.name))?.provenance).toBe('document');
  });
});
