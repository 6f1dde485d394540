import { useEffect, useState } from 'react';
import type { Locality } from '../../../analysis/patrolSheet';

type Ring = readonly (readonly number[])[];
/** An area as polygons of rings of [lon, lat], with its bounds for a quick "is it near" test. */
export interface SheetArea {
  polygons: readonly (readonly Ring[])[];
  bounds: readonly [west: number, south: number, east: number, north: number];
}
export interface SheetMunicipality extends SheetArea {
  code: string;
  name: string;
}

/** What the printed sheet's map draws besides the places: all from the offline basemap, none of it required. */
export interface SheetBasemap {
  municipalities: readonly SheetMunicipality[];
  water: readonly SheetArea[];
  localities: readonly Locality[];
  /** The basemap's sources, to print under the map (OpenStreetMap's licence asks for it). */
  /** The basemap's credit in each UI language (an older manifest's single credit in both). */
  attribution: { sv: string; en: string } | null;
}

const EMPTY: SheetBasemap = { municipalities: [], water: [], localities: [], attribution: null };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function polygonsOf(geometry: unknown): (readonly Ring[])[] {
  if (!isRecord(geometry) || !Array.isArray(geometry.coordinates)) return [];
  if (geometry.type === 'Polygon') return [geometry.coordinates as Ring[]];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates as Ring[][];
  return [];
}

function areaOf(geometry: unknown): SheetArea | null {
  const polygons = polygonsOf(geometry);
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of polygons)
    for (const p of polygon[0] ?? []) {
      const [x, y] = p;
      if (typeof x !== 'number' || typeof y !== 'number') continue;
      west = Math.min(west, x);
      east = Math.max(east, x);
      south = Math.min(south, y);
      north = Math.max(north, y);
    }
  return Number.isFinite(west) ? { polygons, bounds: [west, south, east, north] } : null;
}

const featuresOf = (collection: unknown): Record<string, unknown>[] =>
  isRecord(collection) && Array.isArray(collection.features) ? collection.features.filter(isRecord) : [];

export function parseSheetBasemap(municipalities: unknown, water: unknown, places: unknown, manifest: unknown): SheetBasemap {
  return {
    municipalities: featuresOf(municipalities).flatMap((f) => {
      const properties = isRecord(f.properties) ? f.properties : {};
      const area = areaOf(f.geometry);
      return area && typeof properties.code === 'string' && typeof properties.name === 'string' ? [{ ...area, code: properties.code, name: properties.name }] : [];
    }),
    water: featuresOf(water).flatMap((f) => areaOf(f.geometry) ?? []),
    localities: featuresOf(places).flatMap((f) => {
      const name = isRecord(f.properties) ? f.properties.name : undefined;
      const coordinates = isRecord(f.geometry) && f.geometry.type === 'Point' ? f.geometry.coordinates : undefined;
      return typeof name === 'string' && Array.isArray(coordinates) && typeof coordinates[0] === 'number' && typeof coordinates[1] === 'number'
        ? [{ name, point: [coordinates[0], coordinates[1]] as const }]
        : [];
    }),
    attribution: creditsOf(manifest),
  };
}

// Fetched once per page: the files are the map's own (usually already in the browser's cache).
let loading: Promise<SheetBasemap> | null = null;
function loadSheetBasemap(): Promise<SheetBasemap> {
  const base = new URL('basemap/', document.baseURI);
  const get = (file: string) =>
    fetch(new URL(file, base))
      .then((r) => (r.ok ? (r.json() as Promise<unknown>) : null))
      .catch(() => null);
  loading ??= Promise.all([get('municipalities.geojson'), get('water.geojson'), get('places.geojson'), get('manifest.json')]).then(([m, w, p, manifest]) =>
    parseSheetBasemap(m, w, p, manifest),
  );
  return loading;
}

/** The offline basemap's outlines, water and place names for the patrol sheet; empty until loaded, or if there is none. */
export function useSheetBasemap(): SheetBasemap {
  const [basemap, setBasemap] = useState<SheetBasemap>(EMPTY);
  useEffect(() => {
    let live = true;
    loadSheetBasemap().then((loaded) => live && setBasemap(loaded), () => {});
    return () => {
      live = false;
    };
  }, []);
  return basemap;
}

function creditsOf(manifest: unknown): SheetBasemap['attribution'] {
  if (!isRecord(manifest) || manifest.available !== true || typeof manifest.attribution !== 'string') return null;
  const both = manifest.attributions;
  return isRecord(both) && typeof both.sv === 'string' && typeof both.en === 'string' ? { sv: both.sv, en: both.en } : { sv: manifest.attribution, en: manifest.attribution };
}
