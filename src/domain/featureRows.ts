import type { ResponsibleParty } from './activity';
import { boundsOf, type Bounds } from './geometry';
import type { DatasetIndex } from './dataset';
import type { ActivityStatus, LayerKind, Provenance, TimeOfDay } from './layers';
import type { SafetyFeature } from './safetyFeature';
import { documentStandings, swedishToday, type Currency, type DocumentStanding } from './currency';

/**
 * One place with its chain flattened: what the table shows, what filters test, what exports
 * write. Multi-valued fields hold one entry per linked activity (deduplicated).
 */
export interface FeatureRow {
  id: string;
  feature: SafetyFeature;
  name: string;
  layer: LayerKind;
  municipalityCode: string;
  municipalityName: string;
  documentIds: string[];
  documentTitles: string[];
  focusAreaIds: string[];
  focusAreaTitles: string[];
  activityIds: string[];
  activityTitles: string[];
  responsible: ResponsibleParty[];
  responsibleText: string[];
  statuses: ActivityStatus[];
  /** The standing of the place's promise documents on the day the rows were built. */
  currencies: Currency[];
  periodFrom: string | null;
  periodTo: string | null;
  provenance: Provenance;
  timeOfDay: TimeOfDay[];
  bounds: Bounds;
  /** Lower-case text that free-text search looks in: the place's own text, then its chain's. */
  searchText: string;
  /** The place's own part of it (name, street): the map holds this per place. */
  ownText: string;
  /**
   * Which chain the place shares with every place of the same activities, and that chain's search
   * text. The map holds only the key: chain facets and chain words become lists of keys in the
   * filter expression, so a place carries a few short properties instead of its whole chain.
   */
  chainKey: string;
  chainText: string;
}

export function normaliseSearchText(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase('sv').replace(/\s+/g, ' ').trim();
}

/** What every place serving the same activities shares: resolved once per distinct set of activities. */
type ChainParts = Pick<
  FeatureRow,
  | 'municipalityName'
  | 'documentIds'
  | 'documentTitles'
  | 'focusAreaIds'
  | 'focusAreaTitles'
  | 'activityIds'
  | 'activityTitles'
  | 'responsible'
  | 'responsibleText'
  | 'statuses'
  | 'currencies'
  | 'periodFrom'
  | 'periodTo'
> & { chainText: string; searchText: string };

/**
 * One row per place. At 100 000 survey points linked to a handful of activities, resolving the
 * chain once per distinct activity set (not once per place) is most of the work saved.
 */
export function buildFeatureRows(index: DatasetIndex, today: string = swedishToday()): FeatureRow[] {
  const derive = featureRowDeriver(index, today);
  const rows: FeatureRow[] = [];
  for (const feature of index.features.values()) rows.push(derive(feature));
  return rows;
}

/**
 * Derives rows one place at a time against one state of the index, sharing each distinct
 * activity set's chain: the full build above and the incremental view (src/data/liveView.ts),
 * which re-derives only the places a change touched, use the same function.
 */
export function featureRowDeriver(index: DatasetIndex, today: string = swedishToday()): (feature: SafetyFeature) => FeatureRow {
  const chains = new Map<string, ChainParts>();
  const standings = documentStandings([...index.documents.values()], today);
  return (feature) => {
    const key = feature.activityIds.join('|');
    let chain = chains.get(key);
    if (!chain) {
      chain = chainParts(index, feature.activityIds, standings);
      chains.set(key, chain);
    }
    return buildFeatureRow(feature, chain, key);
  };
}

function chainParts(index: DatasetIndex, activityIds: readonly string[], standings: Map<string, DocumentStanding>): ChainParts {
  const activities = activityIds.map((id) => index.activities.get(id)).filter((a) => a !== undefined);
  const documents = unique(activities.map((a) => index.documents.get(a.documentId)).filter((d) => d !== undefined));
  const focusAreas = unique(activities.map((a) => index.focusAreas.get(a.focusAreaId)).filter((f) => f !== undefined));
  const responsibleText = unique(activities.flatMap((a) => a.responsible.map((r) => (r.unit ? `${r.party}: ${r.unit}` : r.party))));
  const periods = documents.map((d) => d.period);
  const municipalityName = documents[0]?.municipality.name ?? '';
  const documentTitles = documents.map((d) => d.title);
  const focusAreaTitles = focusAreas.map((f) => f.title);
  const activityTitles = activities.map((a) => a.title);
  const chainText = [municipalityName, ...documentTitles, ...focusAreaTitles, ...activityTitles, ...responsibleText].join(' ');
  return {
    municipalityName,
    documentIds: documents.map((d) => d.id),
    documentTitles,
    focusAreaIds: focusAreas.map((f) => f.id),
    focusAreaTitles,
    activityIds: activities.map((a) => a.id),
    activityTitles,
    responsible: unique(activities.flatMap((a) => a.responsible.map((r) => r.party))),
    responsibleText,
    statuses: unique(activities.map((a) => a.status)),
    currencies: unique(documents.map((d) => standings.get(d.id)?.currency ?? 'expired')),
    periodFrom: periods.length ? periods.map((p) => p.from).sort()[0]! : null,
    periodTo: periods.length ? periods.map((p) => p.to).sort().at(-1)! : null,
    chainText,
    searchText: normaliseSearchText(chainText),
  };
}

function buildFeatureRow(feature: SafetyFeature, chain: ChainParts, chainKey: string): FeatureRow {
  const street = feature.layer === 'speed-control' ? feature.details.streetName : '';
  // Normalised once: the chain's part already is, and normalising joins parts the same way (one space between).
  const ownText = normaliseSearchText(`${feature.name} ${street}`);
  // Rows share the chain's arrays; nothing mutates a row after it is built.
  return {
    id: feature.id,
    feature,
    name: feature.name,
    layer: feature.layer,
    municipalityCode: feature.municipalityCode,
    municipalityName: chain.municipalityName || feature.municipalityCode,
    documentIds: chain.documentIds,
    documentTitles: chain.documentTitles,
    focusAreaIds: chain.focusAreaIds,
    focusAreaTitles: chain.focusAreaTitles,
    activityIds: chain.activityIds,
    activityTitles: chain.activityTitles,
    responsible: chain.responsible,
    responsibleText: chain.responsibleText,
    statuses: chain.statuses,
    currencies: chain.currencies,
    periodFrom: chain.periodFrom,
    periodTo: chain.periodTo,
    provenance: feature.provenance,
    timeOfDay: feature.layer === 'unsafe-place' ? feature.details.timeOfDay : [],
    bounds: boundsOf([feature.geometry]) ?? [0, 0, 0, 0],
    searchText: ownText && chain.searchText ? `${ownText} ${chain.searchText}` : ownText || chain.searchText,
    ownText,
    chainKey,
    chainText: chain.searchText,
  };
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
