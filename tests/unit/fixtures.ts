import type { StatusEntry } from '../../src/domain/statusEntry';
import type { Activity } from '../../src/domain/activity';
import type { Dataset } from '../../src/domain/dataset';
import type { FocusArea } from '../../src/domain/focusArea';
import type { PromiseDocument } from '../../src/domain/promiseDocument';
import type { SafetyFeature } from '../../src/domain/safetyFeature';
import { deepFreeze } from './sharedFiles';

export const document: PromiseDocument = {
  id: 'doc',
  kind: 'medborgarlofte',
  title: 'Medborgarlöfte Testby',
  municipality: { code: '0182', name: 'Nacka' },
  policeArea: 'Lokalpolisområde Nacka',
  period: { from: '2023-01-01', to: '2025-12-31' },
  periodNote: null,
  signedDate: '2023-01-15',
  signatories: [{ name: 'A. Person', role: 'Lokalpolisområdeschef' }],
  sources: ['trygghetsundersokning'],
  followUp: 'En gång per år',
  sourceFile: 'doc.txt',
  quote: 'Polisen och kommunen ska',
};

export const focusArea = (over: Partial<FocusArea> = {}): FocusArea => ({
  id: 'area',
  documentId: 'doc',
  title: 'Otrygga platser',
  purpose: null,
  goal: null,
  sensitive: false,
  quote: 'otrygga platser',
  ...over,
});

export const activity = (over: Partial<Activity> = {}): Activity => ({
  id: 'act',
  documentId: 'doc',
  focusAreaId: 'area',
  title: 'Trygghetsvandringar',
  challenge: 'Få resurser',
  measures: ['Engagera gymnasieelever'],
  responsible: [{ party: 'kommun', unit: 'Brå' }],
  status: 'planned',
  target: null,
  sensitive: false,
  quote: 'trygghetsvandringar',
  ...over,
});

export const unsafePlace = (over: Partial<SafetyFeature> = {}): SafetyFeature =>
  ({
    id: 'f1',
    layer: 'unsafe-place',
    name: 'Torget',
    municipalityCode: '0182',
    activityIds: ['act'],
    provenance: 'illustrative',
    provenanceNote: 'Exempel',
    geometry: { type: 'Point', coordinates: [18.25, 59.3] },
    details: { survey: null, year: 2022, timeOfDay: ['kvall'], reasons: ['belysning'], responses: null },
    ...over,
  }) as SafetyFeature;

export function dataset(over: Partial<Dataset> = {}): Dataset {
  return deepFreeze({
    documents: [document],
    focusAreas: [focusArea()],
    activities: [activity()],
    features: [unsafePlace()],
    statusEntries: [],
    contacts: [],
    ...over,
  });
}

export const statusEntry = (over: Partial<StatusEntry> = {}): StatusEntry => ({
  id: 'entry-1',
  activityId: 'act',
  documentId: 'doc',
  date: '2026-03-14',
  status: 'ongoing',
  note: 'Första vandringen gjord',
  author: null,
  recordedAt: '2026-03-14T18:00:00.000Z',
  ...over,
});
