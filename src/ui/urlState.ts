import { RESPONSIBLE_PARTIES } from '../domain/activity';
import { EMPTY_FILTER, type FilterState } from '../domain/filters';
import { ACTIVITY_STATUSES, LAYER_KINDS, TIMES_OF_DAY } from '../domain/layers';
import { CURRENCIES } from '../domain/currency';
import type { Language } from './i18n';

export type TableTab = 'places' | 'promises' | 'planner' | 'patrol' | 'near' | 'areas';

const TAB_PARAMS: Record<TableTab, string | null> = { places: null, promises: 'loften', planner: 'planera', patrol: 'patrullera', near: 'nara', areas: 'omradesindex' };

/** Everything a shared link restores: filters, selection, map view, the open tab, the language. */
export interface UrlState {
  filter: FilterState;
  selectedId: string | null;
  view: { center: [number, number]; zoom: number } | null;
  tab: TableTab;
  language: Language | null;
  /** "Near me": the chosen point and radius in metres. */
  near: { point: [number, number]; radius: number } | null;
}

// Short Swedish parameter names: links are read and pasted by Swedish planners.
const PARAMS = {
  municipality: 'kommun',
  document: 'dokument',
  focusArea: 'fokus',
  layer: 'lager',
  responsible: 'ansvar',
  status: 'status',
  timeOfDay: 'tid',
  currency: 'giltighet',
} as const;

const ALLOWED: Partial<Record<keyof typeof PARAMS, readonly string[]>> = {
  layer: LAYER_KINDS,
  responsible: RESPONSIBLE_PARTIES,
  status: ACTIVITY_STATUSES,
  timeOfDay: TIMES_OF_DAY,
  currency: CURRENCIES,
};

const MAX_VALUE_LENGTH = 200;

/** Parses a query string. A link is untrusted input: unknown values are dropped, never trusted. */
export function parseUrlState(search: string): UrlState {
  const params = new URLSearchParams(search);
  const filter: FilterState = { ...EMPTY_FILTER };
  for (const [facet, name] of Object.entries(PARAMS) as [keyof typeof PARAMS, string][]) {
    const values = (params.get(name) ?? '')
      .split(',')
      .map((v) => v.trim())
      .filter((v) => v && v.length <= MAX_VALUE_LENGTH && (!ALLOWED[facet] || ALLOWED[facet].includes(v)));
    (filter[facet] as string[]) = [...new Set(values)];
  }
  filter.text = (params.get('q') ?? '').slice(0, MAX_VALUE_LENGTH);
  filter.inView = params.get('vy') === '1';
  const selected = params.get('vald');
  return {
    filter,
    selectedId: selected && selected.length <= MAX_VALUE_LENGTH ? selected : null,
    view: parseView(params.get('karta')),
    tab: (Object.entries(TAB_PARAMS).find(([, value]) => value !== null && value === params.get('flik'))?.[0] as TableTab | undefined) ?? 'places',
    near: parseNear(params.get('nara'), params.get('radie')),
    language: params.get('sprak') === 'en' ? 'en' : params.get('sprak') === 'sv' ? 'sv' : null,
  };
}

function parseNear(point: string | null, radius: string | null): UrlState['near'] {
  const [lon, lat] = (point ?? '').split(',').map(Number);
  const metres = Number(radius ?? 1000);
  if (lon === undefined || lat === undefined || !Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 85) return null;
  return { point: [lon, lat], radius: [500, 1000, 2000].includes(metres) ? metres : 1000 };
}

function parseView(value: string | null): UrlState['view'] {
  const parts = value?.split('/').map(Number);
  if (!parts || parts.length !== 3 || parts.some((n) => !Number.isFinite(n))) return null;
  const [zoom, lat, lon] = parts as [number, number, number];
  if (zoom < 0 || zoom > 22 || Math.abs(lat) > 85 || Math.abs(lon) > 180) return null;
  return { center: [lon, lat], zoom };
}

export function serializeUrlState(state: UrlState): string {
  const params = new URLSearchParams();
  for (const [facet, name] of Object.entries(PARAMS) as [keyof typeof PARAMS, string][]) {
    const values = state.filter[facet] as readonly string[];
    if (values.length) params.set(name, values.join(','));
  }
  if (state.filter.text.trim()) params.set('q', state.filter.text.trim());
  if (state.filter.inView) params.set('vy', '1');
  if (state.selectedId) params.set('vald', state.selectedId);
  const tabParam = TAB_PARAMS[state.tab];
  if (tabParam) params.set('flik', tabParam);
  if (state.near) {
    params.set('nara', `${round(state.near.point[0], 5)},${round(state.near.point[1], 5)}`);
    params.set('radie', String(state.near.radius));
  }
  if (state.language === 'en') params.set('sprak', 'en');
  if (state.view) {
    const [lon, lat] = state.view.center;
    params.set('karta', `${round(state.view.zoom, 2)}/${round(lat, 5)}/${round(lon, 5)}`);
  }
  const text = params.toString().replace(/%2C/g, ',').replace(/%2F/g, '/');
  return text ? `?${text}` : '';
}

const round = (n: number, decimals: number) => Number(n.toFixed(decimals));
