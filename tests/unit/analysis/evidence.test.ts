import { cellToLatLng, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { assessCoverage } from '../../../src/analysis/coverage';
import { compareSurveys, hexDensity } from '../../../src/analysis/density';
import { patrolPriorities } from '../../../src/analysis/patrol';
import type { PatrolOptions } from '../../../src/analysis/types';
import { deepFreeze } from '../sharedFiles';
import { asExample, east, focusPlace, place, rectangle, walk, watchArea } from './builders';

// Nordmaling, where the shipped unsafe places are all examples.
const LAT = 63.57;
const LON = 19.5;
const RES = 8;
const centreOf = (lon: number, lat: number): [number, number] => {
  const [cLat, cLon] = cellToLatLng(latLngToCell(lat, lon, RES));
  return [cLon, cLat];
};
const REAL = centreOf(LON, LAT);
const ELSEWHERE = centreOf(LON + 0.05, LAT);
const options: PatrolOptions = { timeOfDay: 'kvall', dayType: 'vardag', now: new Date('2025-06-15T12:00:00'), walkDistanceMetres: 100 };

const surveyed = place('enkat', REAL, { name: 'Torget', responses: 5, year: 2024 });
const example = asExample(place('exempel', ELSEWHERE, { name: 'Otrygg plats (exempel)', responses: null, year: 2024 }));

describe('illustrative examples are never survey evidence', () => {
  it('add nothing to the hexagon density', () => {
    expect(hexDensity(deepFreeze([example]), RES)).toEqual([]);
    const cells = hexDensity(deepFreeze([surveyed, example]), RES);
    expect(cells.map((c) => [c.h3, c.count])).toEqual([[latLngToCell(REAL[1], REAL[0], RES), 5]]);
    // Not even in the cell of a real place.
    const sameCell = asExample(place('exempel-har', REAL, { responses: 100, year: 2024 }));
    expect(hexDensity(deepFreeze([surveyed, sameCell]), RES).map((c) => c.count)).toEqual([5]);
  });

  it('add nothing to the comparison of two surveys', () => {
    const before = asExample(place('exempel-2022', ELSEWHERE, { year: 2022, responses: 7 }));
    expect(compareSurveys(deepFreeze([before, example]), RES, 2022, 2024)).toEqual([]);
    const changes = compareSurveys(deepFreeze([surveyed, before, example]), RES, 2022, 2024);
    expect(changes.map((c) => [c.before, c.after])).toEqual([[0, 5]]);
  });

  it('are not on the patrol list, nor is an example focus place; a named focus place still is', () => {
    const exampleFocus = asExample(focusPlace('vallokal-exempel', { type: 'Point', coordinates: ELSEWHERE }, 'Vallokal (exempel)'));
    const named = focusPlace('centrum', rectangle(LON + 0.1, LAT, LON + 0.11, LAT + 0.005), 'Centrum');
    const items = patrolPriorities(deepFreeze([surveyed, example, exampleFocus, { ...named, provenance: 'document' as const }]), options);
    expect(items.map((i) => i.featureId).sort()).toEqual(['centrum', 'enkat']);
    expect(patrolPriorities(deepFreeze([example, exampleFocus]), options)).toEqual([]);
  });

  it('are no gaps in the coverage: the list of unsafe places no activity reaches leaves them out', () => {
    expect(assessCoverage(deepFreeze([example]), { walkDistanceMetres: 100 })).toEqual([]);
    const coverage = assessCoverage(deepFreeze([surveyed, example]), { walkDistanceMetres: 100 });
    expect(coverage.map((c) => [c.featureId, c.isGap])).toEqual([['enkat', true]]);
  });

  it('reach nothing either: an example walk, watch area or focus place does not cover a real place', () => {
    const [lon, lat] = REAL;
    const exampleWalk = asExample(walk('vandring-exempel', { type: 'LineString', coordinates: [[lon + east(lat, 20), lat - 0.01], [lon + east(lat, 20), lat + 0.01]] }));
    const exampleWatch = asExample(watchArea('grannar-exempel', rectangle(lon - 0.01, lat - 0.005, lon + 0.01, lat + 0.005)));
    const exampleFocus = asExample(focusPlace('fokus-exempel', rectangle(lon - 0.01, lat - 0.005, lon + 0.01, lat + 0.005)));
    const [assessed] = assessCoverage(deepFreeze([surveyed, exampleWalk, exampleWatch, exampleFocus]), { walkDistanceMetres: 100 });
    expect(assessed).toMatchObject({ featureId: 'enkat', isGap: true, walkId: null, watchAreaId: null, focusPlaceId: null, nearestWalkMetres: null });
    // The same walk, drawn by a planner, reaches it.
    const drawnWalk = { ...exampleWalk, provenance: 'drawn' as const };
    expect(assessCoverage(deepFreeze([surveyed, drawnWalk]), { walkDistanceMetres: 100 })[0]).toMatchObject({ isGap: false, walkId: 'vandring-exempel' });
  });
});
