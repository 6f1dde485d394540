import { shippedDataset } from '../../../src/data/shipped';
import type { StatusEntry } from '../../../src/domain/statusEntry';
import type { SafetyFeature } from '../../../src/domain/safetyFeature';
import type { BackupContent } from '../../../src/io/backup';
import type { Contact } from '../../../src/domain/contact';
import { toTransferable } from '../../../src/analysis/answers/columns';
import { generateAnswerColumns } from '../../../scripts/generate-answers';

if (!shippedDataset.ok) throw new Error('shipped data invalid');
const shipped = shippedDataset.value;
export const TODAY = '2026-12-01';

/** Planted where the team's data holds them: none may reach the public site. */
export const MARKER_AUTHOR = 'planterad.markorsson@nacka.test';
export const MARKER_HISTORY = 'HEMLIG-REDIGERINGSHISTORIK-7731';

export const NACKA_CONTACT: Contact = {
  id: 'contact-0182',
  municipality: { code: '0182', name: 'Nacka' },
  organisation: 'Trygghetssamordnare, Nacka kommun <kontakt>',
  email: 'trygghet@nacka.test',
  phone: '08-718 80 00',
  web: 'https://www.nacka.se/trygghet',
  note: 'Vardagar 9–16.',
  updatedAt: '2026-11-30T10:00:00.000Z',
};

/** The team's data as a backup holds it: shipped records, two status entries, planted walks, an answer set, an edit. */
export function teamData(): BackupContent {
  const activity = shipped.activities.find((a) => a.documentId.startsWith('nacka-2022') && !a.sensitive)!;
  const entries: StatusEntry[] = [
    { id: 'e1', activityId: activity.id, documentId: activity.documentId, date: '2026-03-04', status: 'ongoing', note: 'Första vandringen gjord <b>i mars</b>', author: MARKER_AUTHOR, recordedAt: '2026-03-04T10:00:00.000Z' },
    { id: 'e2', activityId: activity.id, documentId: activity.documentId, date: '2026-10-20', status: 'done', note: null, author: MARKER_AUTHOR, recordedAt: '2026-10-20T10:00:00.000Z' },
  ];
  const walk = shipped.features.find((f) => f.layer === 'safety-walk' && f.municipalityCode === '0182')!;
  const sensitive = shipped.activities.find((a) => a.sensitive)!;
  const walks = [
    { ...walk, id: 'w-next', name: 'Trygghetsvandring Orminge centrum', details: { ...(walk.details as object), plannedDate: '2027-02-10', startTime: '18:30', meetingPoint: 'Busstorget i Orminge', howToJoin: 'Anmäl dig till trygghet@nacka.test.', status: 'planned', organisers: ['Nacka kommun'] } },
    // Its own route (not the public walk's): where it goes must never be drawn.
    { ...walk, id: 'w-hidden', name: 'Vandring för känsligt arbete', activityIds: [sensitive.id], geometry: { type: 'LineString', coordinates: [[18.1102, 59.3391], [18.1131, 59.3407], [18.1168, 59.3402]] }, details: { ...(walk.details as object), plannedDate: '2027-02-11', status: 'planned', organisers: [] } },
  ] as SafetyFeature[];
  const answers = toTransferable(generateAnswerColumns({ answers: 10_000, seed: 3, area: 'four' })).message;
  return {
    ...shipped,
    features: [...shipped.features, ...walks],
    statusEntries: entries,
    contacts: [NACKA_CONTACT],
    history: [{ label: MARKER_HISTORY, at: '2026-03-04T10:00:00.000Z', forward: { label: MARKER_HISTORY, put: {}, delete: {} }, inverse: { label: MARKER_HISTORY, put: {}, delete: {} }, undone: 0 }],
    answerSets: [{ id: 'set1', fileName: 'SYNTETISK enkät.csv', importedAt: '2026-03-01T10:00:00.000Z', count: answers.count, columns: answers }],
  };
}

