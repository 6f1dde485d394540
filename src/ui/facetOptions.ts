import { RESPONSIBLE_PARTIES } from '../domain/activity';
import type { Dataset } from '../domain/dataset';
import { ACTIVITY_STATUSES, TIMES_OF_DAY } from '../domain/layers';
import { CURRENCIES } from '../domain/currency';
import type { FacetOption } from './FilterPanel';
import type { Dictionary } from './i18n';

const collator = new Intl.Collator('sv');

/** The choices each filter offers, in Swedish order; sensitive focus areas have no places, so none is offered. */
export function facetOptions(dataset: Dataset, t: Dictionary): Record<'municipality' | 'document' | 'focusArea' | 'responsible' | 'status' | 'timeOfDay' | 'currency', FacetOption[]> {
  const byLabel = (a: FacetOption, b: FacetOption) => collator.compare(a.label, b.label);
  const municipalities = new Map(dataset.documents.map((d) => [d.municipality.code, d.municipality.name]));
  const documents = new Map(dataset.documents.map((d) => [d.id, d]));
  return {
    municipality: [...municipalities].map(([value, label]) => ({ value, label })).sort(byLabel),
    document: dataset.documents.map((d) => ({ value: d.id, label: `${d.municipality.name}: ${d.title} (${d.period.from.slice(0, 4)})` })).sort(byLabel),
    focusArea: dataset.focusAreas
      .filter((f) => !f.sensitive)
      .map((f) => ({ value: f.id, label: `${f.title} (${documents.get(f.documentId)?.municipality.name ?? ''})` }))
      .sort(byLabel),
    responsible: RESPONSIBLE_PARTIES.map((p) => ({ value: p, label: t.parties[p] ?? p })),
    status: ACTIVITY_STATUSES.map((s) => ({ value: s, label: t.statusNames[s] })),
    timeOfDay: TIMES_OF_DAY.map((d) => ({ value: d, label: t.timeOfDayNames[d] ?? d })),
    currency: CURRENCIES.map((c) => ({ value: c, label: t.currencyNames[c] })),
  };
}
