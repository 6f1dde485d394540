import type { FeatureAttributes } from '../../domain/attributes';
import type { DatasetIndex } from '../../domain/dataset';
import type { Finding } from '../../domain/findings';
import type { SupportedGeometry } from '../../domain/geometry';
import { LAYER_GEOMETRY, type LayerKind, type Provenance } from '../../domain/layers';
import { safetyFeatureSchema, type SafetyFeature } from '../../domain/safetyFeature';
import { schemaMessageText } from '../../domain/schemaMessages';
import { text, type Text } from '../../domain/text';

/** How a details field is entered in the form and converted to the record's value. */
export type FieldType = 'text' | 'required-text' | 'int' | 'number' | 'list' | 'lines' | 'date' | 'time' | 'select' | 'multi' | 'textarea';
export interface FieldSpec {
  key: string;
  type: FieldType;
  options?: readonly string[];
  /** The record may lack it (added to the schema later): empty means absent, not null. */
  optional?: boolean;
}

export const DETAIL_FIELDS: Record<LayerKind, FieldSpec[]> = {
  'unsafe-place': [
    { key: 'survey', type: 'text' },
    { key: 'year', type: 'int' },
    { key: 'timeOfDay', type: 'multi', options: ['dag', 'kvall', 'natt'] },
    { key: 'reasons', type: 'list' },
    { key: 'responses', type: 'int' },
    { key: 'confirmedOn', type: 'date', optional: true },
  ],
  'safety-walk': [
    { key: 'plannedDate', type: 'date' },
    { key: 'startTime', type: 'time', optional: true },
    { key: 'meetingPoint', type: 'text', optional: true },
    { key: 'organisers', type: 'list' },
    { key: 'howToJoin', type: 'text', optional: true },
    { key: 'status', type: 'select', options: ['planned', 'done', 'unknown'] },
    { key: 'findings', type: 'lines' },
  ],
  'watch-area': [
    { key: 'households', type: 'int' },
    { key: 'startYear', type: 'int' },
    { key: 'contactRole', type: 'text' },
  ],
  'speed-control': [
    { key: 'streetName', type: 'required-text' },
    { key: 'speedLimit', type: 'int' },
    { key: 'meanSpeedBefore', type: 'number' },
    { key: 'meanSpeedAfter', type: 'number' },
    { key: 'controlDates', type: 'list' },
  ],
  'focus-place': [
    { key: 'placeKind', type: 'select', options: ['centrum', 'stadsdel', 'industriomrade', 'vallokal', 'kommun', 'annan'] },
    { key: 'description', type: 'textarea' },
  ],
};

export type FieldValues = Record<string, string | string[]>;

/** What the form edits: text as typed, converted and validated only on save. */
export interface FeatureDraft {
  id: string | null;
  layer: LayerKind;
  name: string;
  activityIds: string[];
  geometry: SupportedGeometry;
  details: FieldValues;
  provenance: Provenance;
  provenanceNote: string;
  /** An imported place's file properties: not edited in the form, but kept when it is saved. */
  attributes?: FeatureAttributes;
}

export function layersForGeometry(type: SupportedGeometry['type']): LayerKind[] {
  return (Object.keys(LAYER_GEOMETRY) as LayerKind[]).filter((layer) => LAYER_GEOMETRY[layer].includes(type));
}

export function draftFromFeature(feature: SafetyFeature): FeatureDraft {
  const details: FieldValues = {};
  const values = feature.details as Record<string, unknown>;
  for (const field of DETAIL_FIELDS[feature.layer]) details[field.key] = toFieldValue(field, values[field.key]);
  return { ...feature, id: feature.id, details };
}

export function newDraft(layer: LayerKind, geometry: SupportedGeometry, provenanceNote: string): FeatureDraft {
  const details: FieldValues = {};
  for (const field of DETAIL_FIELDS[layer]) details[field.key] = field.type === 'multi' ? [] : field.type === 'select' ? field.options![field.options!.length - 1]! : '';
  return { id: null, layer, name: '', activityIds: [], geometry, details, provenance: 'drawn', provenanceNote };
}

/** Same values under another layer: fields the layers share keep their text. */
export function changeLayer(draft: FeatureDraft, layer: LayerKind): FeatureDraft {
  const fresh = newDraft(layer, draft.geometry, draft.provenanceNote);
  for (const key of Object.keys(fresh.details)) if (key in draft.details) fresh.details[key] = draft.details[key]!;
  return { ...draft, layer, details: fresh.details };
}

/** Each in both languages: the form shows them in the UI's, also after a switch while they are up. */
export type FormErrors = Record<string, Text>;

const ERRORS = {
  name: text('Ange ett namn.', 'Enter a name.'),
  activity: text('Välj minst en aktivitet som platsen hör till.', 'Choose at least one activity the place belongs to.'),
  municipalities: text('Aktiviteterna hör till olika kommuner: en plats ligger i en kommun.', 'The activities belong to different municipalities: a place lies in one municipality.'),
  int: text('Ange ett heltal.', 'Enter a whole number.'),
  number: text('Ange ett tal, t.ex. 42,5.', 'Enter a number, e.g. 42.5.'),
  date: text('Ange datum som ÅÅÅÅ-MM-DD.', 'Enter the date as YYYY-MM-DD.'),
  time: text('Ange tiden som TT:MM, t.ex. 18:30.', 'Enter the time as HH:MM, e.g. 18:30.'),
  required: text('Fältet måste fyllas i.', 'This field must be filled in.'),
} as const;

/**
 * Converts the form to a record and validates it with the same schema as every other door.
 * Errors are keyed by field ("name", "activityIds", "details.year", "geometry").
 */
export function draftToFeature(draft: FeatureDraft, index: DatasetIndex, newId: () => string): { feature: SafetyFeature } | { errors: FormErrors } {
  const errors: FormErrors = {};
  const details: Record<string, unknown> = {};
  for (const field of DETAIL_FIELDS[draft.layer]) {
    const converted = fromFieldValue(field, draft.details[field.key]);
    if ('error' in converted) errors[`details.${field.key}`] = converted.error;
    // An optional field left empty stays absent, as in records written before it existed.
    else if (!(field.optional && converted.value === null)) details[field.key] = converted.value;
  }
  if (!draft.name.trim()) errors.name = ERRORS.name;
  if (!draft.activityIds.length) errors.activityIds = ERRORS.activity;
  const documents = new Set(draft.activityIds.map((id) => index.activities.get(id)?.documentId));
  const municipalities = new Set([...documents].map((id) => (id ? index.documents.get(id)?.municipality.code : undefined)));
  if (municipalities.size > 1) errors.activityIds = ERRORS.municipalities;
  if (Object.keys(errors).length) return { errors };

  const candidate = {
    id: draft.id ?? newId(),
    layer: draft.layer,
    name: draft.name.trim(),
    municipalityCode: [...municipalities][0] ?? '',
    activityIds: draft.activityIds,
    provenance: draft.provenance,
    provenanceNote: draft.provenanceNote,
    geometry: draft.geometry,
    details: draft.layer === 'safety-walk' ? { ...details, findings: keepFindingPoints(details.findings, draft.id ? index.features.get(draft.id) : undefined) } : details,
    ...(draft.attributes ? { attributes: draft.attributes } : {}),
  };
  const parsed = safetyFeatureSchema.safeParse(candidate);
  if (parsed.success) return { feature: parsed.data };
  for (const issue of parsed.error.issues) {
    const key = issue.path[0] === 'details' ? `details.${String(issue.path[1])}` : String(issue.path[0] ?? 'form');
    errors[key] ??= schemaMessageText(issue.message);
  }
  return { errors };
}

/**
 * The form edits findings as lines of text; a line whose text is unchanged keeps the position it
 * had (a GPX waypoint's), a new or reworded line has none.
 */
function keepFindingPoints(lines: unknown, previous: SafetyFeature | undefined): Finding[] {
  const points = new Map<string, Finding['point']>();
  if (previous?.layer === 'safety-walk') for (const f of previous.details.findings) if (!points.has(f.text)) points.set(f.text, f.point);
  return (Array.isArray(lines) ? lines : []).map((text: string) => ({ text, point: points.get(text) ?? null }));
}

function toFieldValue(field: FieldSpec, value: unknown): string | string[] {
  if (field.type === 'multi') return Array.isArray(value) ? value.map(String) : [];
  if (field.type === 'lines') return Array.isArray(value) ? value.map((v) => (v && typeof v === 'object' ? String((v as Finding).text) : String(v))).join('\n') : '';
  if (field.type === 'list') return Array.isArray(value) ? value.join(', ') : '';
  if (value === null || value === undefined) return '';
  return String(value);
}

function fromFieldValue(field: FieldSpec, raw: string | string[] | undefined): { value: unknown } | { error: Text } {
  if (field.type === 'multi') return { value: Array.isArray(raw) ? raw : [] };
  const text = (Array.isArray(raw) ? raw.join(',') : (raw ?? '')).trim();
  switch (field.type) {
    case 'int': {
      if (!text) return { value: null };
      return /^-?\d+$/.test(text) ? { value: Number(text) } : { error: ERRORS.int };
    }
    case 'number': {
      if (!text) return { value: null };
      const n = Number(text.replace(',', '.'));
      return Number.isFinite(n) ? { value: n } : { error: ERRORS.number };
    }
    case 'list':
      return { value: text.split(',').map((s) => s.trim()).filter(Boolean) };
    case 'lines':
      return { value: text.split('\n').map((s) => s.trim()).filter(Boolean) };
    case 'date':
      if (!text) return { value: null };
      return /^\d{4}-\d{2}-\d{2}$/.test(text) ? { value: text } : { error: ERRORS.date };
    case 'time':
      if (!text) return { value: null };
      return /^([01]\d|2[0-3]):[0-5]\d$/.test(text) ? { value: text } : { error: ERRORS.time };
    case 'required-text':
      return text ? { value: text } : { error: ERRORS.required };
    case 'select':
      return { value: text };
    default:
      return { value: text || null };
  }
}
