import type { Language } from '../i18n';

/**
 * The report strings in both languages, loaded with their part only (the first JavaScript stays
 * under 500 kB gzip), not with the app's dictionary.
 */
const SV = {
  open: (title: string) => `Uppföljningsrapport: ${title}`,
  title: (title: string) => `Uppföljning: ${title}`,
  dated: (date: string) => `Läget ${date}.`,
  print: 'Skriv ut eller spara som PDF',
  mapTitle: 'Löftets platser',
  mapLabel: (municipality: string) => `Karta över löftets platser i ${municipality}`,
  noPlaces: 'Löftet har inga platser på kartan.',
  numbered: 'numrerade som i listan nedan',
  progressTitle: 'Aktiviteter per fokusområde',
  progressNote: 'Varje aktivitets status enligt den senaste uppföljningen (annars som i dokumentet).',
  doneThisYear: (year: number) => `Genomförda ${year}`,
  entriesTitle: (year: number) => `Uppföljning under ${year}`,
  noEntries: 'Ingen uppföljning registrerad i år.',
  statusShort: { planned: 'Planerad', ongoing: 'Pågår', done: 'Genomförd', unknown: 'Okänd' } as Record<'planned' | 'ongoing' | 'done' | 'unknown', string>,
  total: 'Totalt',
  walksTitle: 'Trygghetsvandringar och vad de fann',
  noWalks: 'Inga trygghetsvandringar hör till löftet.',
  noDate: 'inget datum',
  speedTitle: 'Hastighet före och efter',
  noSpeed: 'Inga hastighetskontroller hör till löftet.',
  unsafeTitle: 'Otrygga platser och vad som når dem',
  noUnsafe: 'Inga otrygga platser hör till löftet.',
  reachedBy: (names: string) => `nås av ${names}`,
  nothingReaches: 'ingen trygghetsvandring, fokusplats eller grannsamverkan når platsen',
  notCounted: 'räknas inte (exempel, eller underlaget är för gammalt)',
};
export type ReportStrings = typeof SV;

const EN: ReportStrings = {
  open: (title) => `Follow-up report: ${title}`,
  title: (title) => `Follow-up: ${title}`,
  dated: (date) => `As of ${date}.`,
  print: 'Print or save as PDF',
  mapTitle: 'The promise’s places',
  mapLabel: (municipality) => `Map of the promise’s places in ${municipality}`,
  noPlaces: 'The promise has no places on the map.',
  numbered: 'numbered as in the list below',
  progressTitle: 'Activities per focus area',
  progressNote: 'Each activity’s status as of its latest follow-up (otherwise as in the document).',
  doneThisYear: (year) => `Done in ${year}`,
  entriesTitle: (year) => `Follow-up during ${year}`,
  noEntries: 'No follow-up recorded this year.',
  statusShort: { planned: 'Planned', ongoing: 'Ongoing', done: 'Done', unknown: 'Unknown' },
  total: 'Total',
  walksTitle: 'Safety walks and what they found',
  noWalks: 'No safety walks belong to the promise.',
  noDate: 'no date',
  speedTitle: 'Speed before and after',
  noSpeed: 'No speed controls belong to the promise.',
  unsafeTitle: 'Unsafe places and what reaches them',
  noUnsafe: 'No unsafe places belong to the promise.',
  reachedBy: (names) => `reached by ${names}`,
  nothingReaches: 'no safety walk, focus place or neighbourhood watch reaches the place',
  notCounted: 'not counted (an example, or the evidence is too old)',
};

export const reportStrings = (language: Language): ReportStrings => (language === 'en' ? EN : SV);
