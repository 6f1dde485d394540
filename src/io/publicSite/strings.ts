import type { ActivityStatus } from '../../domain/layers';
import type { Currency } from '../../domain/currency';
import type { ResponsibleParty } from '../../domain/activity';

/** The citizens' site in plain language, in both languages (issue 13). */
export interface PublicStrings {
  lang: 'sv' | 'en';
  siteTitle: string;
  intro: string;
  municipalitiesHeading: string;
  promiseCount(n: number): string;
  noPromises: string;
  backToAll: string;
  otherLanguage: { label: string; path: string };
  municipalityTitle(name: string): string;
  currency: Record<Currency, string>;
  period(from: string, to: string): string;
  policeArea(area: string): string;
  weAskedYou: string;
  focusArea: string;
  sensitiveArea: string;
  promised: string;
  did: string;
  nothingReported: string;
  status: Record<ActivityStatus, string>;
  /** An expired promise's activity that was not reported done: never "planned". */
  notDoneWhenExpired: string;
  notDoneWhenSuperseded: string;
  responsible: string;
  parties: Record<ResponsibleParty, string>;
  walksHeading: string;
  noWalks: string;
  walk(date: string, name: string, organisers: string): string;
  howToJoin: string;
  walkTime(time: string): string;
  meetingPoint(place: string): string;
  builtFrom(date: string): string;
  policeAreasHeading: string;
  contactHeading: string;
  noContact: string;
  contactWho: string;
  contactEmail: string;
  contactPhone: string;
  contactWeb: string;
  contactWhen: string;
  emergency: string;
  servedMunicipalities: string;
  noPublishedPromise: string;
  inferredMembership: string;
  policeAreaLink(name: string): string;
  date(iso: string): string;
  /** The map page (karta.html). */
  map: MapStrings;
}

const formatDate = (locale: string) => {
  const format = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
  return (iso: string) => {
    const date = new Date(`${iso.slice(0, 10)}T12:00:00Z`);
    return Number.isNaN(date.getTime()) ? iso : format.format(date);
  };
};

export const SV: PublicStrings = {
  lang: 'sv',
  siteTitle: 'Trygghetskartan: vad polis och kommun lovat',
  intro: 'Här ser du vad polisen och kommunen har lovat att göra för tryggheten där du bor (medborgarlöften), och vad som har gjorts.',
  municipalitiesHeading: 'Välj kommun',
  promiseCount: (n) => (n === 1 ? '1 löfte' : `${n} löften`),
  noPromises: 'Det finns inga löften att visa än.',
  backToAll: 'Alla kommuner',
  otherLanguage: { label: 'In English', path: 'en/' },
  municipalityTitle: (name) => `${name}: vad polis och kommun lovat`,
  currency: { current: 'Gäller nu', upcoming: 'Har inte börjat gälla', superseded: 'Ersatt av ett senare löfte', expired: 'Har gått ut' },
  period: (from, to) => `Gäller ${from} – ${to}`,
  policeArea: (area) => `Polisen: ${area}`,
  weAskedYou: 'Det här bygger löftet på',
  focusArea: 'Fokusområde',
  sensitiveArea: 'Arbetet sker utan platser på kartan (känsligt område).',
  promised: 'Vi lovade',
  did: 'Vi gjorde',
  nothingReported: 'Inget rapporterat än.',
  status: { planned: 'Planerad', ongoing: 'Pågår', done: 'Genomförd', unknown: 'Status okänd' },
  notDoneWhenExpired: 'Inte rapporterad som genomförd innan löftet gick ut',
  notDoneWhenSuperseded: 'Inte rapporterad som genomförd innan löftet ersattes av ett senare',
  responsible: 'Ansvarar',
  parties: { polis: 'Polisen', kommun: 'Kommunen', annan: 'Annan aktör' },
  walksHeading: 'Kommande trygghetsvandringar',
  noWalks: 'Inga trygghetsvandringar är inplanerade just nu.',
  walk: (date, name, organisers) => `${date}: ${name}${organisers ? ` (arrangör: ${organisers})` : ''}`,
  howToJoin: 'Alla är välkomna: kom till samlingsplatsen vid starttiden.',
  walkTime: (time) => `kl. ${time}`,
  meetingPoint: (place) => `Samling: ${place}`,
  builtFrom: (date) => `Uppgifterna hämtades ${date}.`,
  policeAreasHeading: 'Eller välj lokalpolisområde',
  contactHeading: 'Kontakta oss',
  noContact: 'Kommunen har inte angett någon kontakt för de här löftena än.',
  contactWho: 'Vem',
  contactEmail: 'E-post',
  contactPhone: 'Telefon',
  contactWeb: 'Webb',
  contactWhen: 'När och hur',
  emergency: 'Vid akut fara: ring 112. Tips till polisen: 114 14.',
  servedMunicipalities: 'Kommuner i polisområdet',
  noPublishedPromise: 'inga publicerade löften',
  inferredMembership: 'härlett, inte angivet i något dokument',
  policeAreaLink: (name) => `Hela ${name}`,
  date: formatDate('sv-SE'),
  map: {} as MapStrings,
};

export const EN: PublicStrings = {
  lang: 'en',
  siteTitle: 'Trygghetskartan: what the police and the municipality have promised',
  intro: 'What the police and your municipality have promised to do for safety where you live (citizen promises), and what has been done.',
  municipalitiesHeading: 'Choose a municipality',
  promiseCount: (n) => (n === 1 ? '1 promise' : `${n} promises`),
  noPromises: 'There are no promises to show yet.',
  backToAll: 'All municipalities',
  otherLanguage: { label: 'På svenska', path: '../' },
  municipalityTitle: (name) => `${name}: what the police and the municipality have promised`,
  currency: { current: 'In force', upcoming: 'Not yet in force', superseded: 'Replaced by a later promise', expired: 'Expired' },
  period: (from, to) => `In force ${from} – ${to}`,
  policeArea: (area) => `Police: ${area}`,
  weAskedYou: 'What the promise is based on',
  focusArea: 'Focus area',
  sensitiveArea: 'This work is done without places on the map (a sensitive area).',
  promised: 'We promised',
  did: 'We did',
  nothingReported: 'Nothing reported yet.',
  status: { planned: 'Planned', ongoing: 'Ongoing', done: 'Done', unknown: 'Status unknown' },
  notDoneWhenExpired: 'Not reported done before the promise expired',
  notDoneWhenSuperseded: 'Not reported done before a later promise replaced this one',
  responsible: 'Responsible',
  parties: { polis: 'The police', kommun: 'The municipality', annan: 'Another party' },
  walksHeading: 'Upcoming safety walks',
  noWalks: 'No safety walks are planned right now.',
  walk: (date, name, organisers) => `${date}: ${name}${organisers ? ` (organised by ${organisers})` : ''}`,
  howToJoin: 'Everyone is welcome: come to the meeting point at the start time.',
  walkTime: (time) => `at ${time}`,
  meetingPoint: (place) => `Meet at: ${place}`,
  builtFrom: (date) => `Data as of ${date}.`,
  policeAreasHeading: 'Or choose a local police area',
  contactHeading: 'Contact us',
  noContact: 'The municipality has not given a contact for these promises yet.',
  contactWho: 'Who',
  contactEmail: 'Email',
  contactPhone: 'Phone',
  contactWeb: 'Web',
  contactWhen: 'When and how',
  emergency: 'In an emergency: call 112. Tips to the police: 114 14.',
  servedMunicipalities: 'Municipalities in the police area',
  noPublishedPromise: 'no published promises',
  inferredMembership: 'inferred, not stated in any document',
  policeAreaLink: (name) => `All of ${name}`,
  date: formatDate('en-GB'),
  map: {} as MapStrings,
};

/** The map page's texts (karta.html): the map, its legend and the same facts as a list. */
export interface MapStrings {
  link: string;
  title: string;
  intro: string;
  mapLabel: string;
  loading: string;
  noMap: string;
  legendHeading: string;
  layers: { cells: string; watch: string; walks: string; speed: string };
  cellsNote(k: number): string;
  listHeading: string;
  cellsHeading: string;
  cellsSummary(n: number, k: number): string;
  cellsByCount(n: number, count: number): string;
  noCells: string;
  walkStatus: Record<'planned' | 'done' | 'unknown', string>;
  none: string;
  clickHelp: string;
  clickHelpReport: string;
  nearHere: string;
  reportHere: string;
}

SV.map = {
  link: 'Karta: grannsamverkan, trygghetsvandringar, hastighetskontroller och enkätsvar',
  title: 'Karta över trygghetsarbetet',
  intro: 'Kartan visar grannsamverkansområden, trygghetsvandringar och gator med hastighetskontroller, och var svaren i trygghetsenkäterna finns, sammanräknade per område. Inga enskilda svar visas, och inga platser för känsligt arbete.',
  mapLabel: 'Karta över trygghetsarbetet',
  loading: 'Kartan laddas …',
  noMap: 'Kartan kan inte visas i den här webbläsaren. Allt som kartan visar står i listan nedan.',
  legendHeading: 'Teckenförklaring',
  layers: { cells: 'Områden med svar i trygghetsenkäter', watch: 'Grannsamverkansområden', walks: 'Trygghetsvandringar', speed: 'Gator med hastighetskontroller' },
  cellsNote: (k) => `Ett område visas bara om minst ${k} har svarat där, och antalet avrundas nedåt till jämna ${k}-tal. Mörkare färg: fler svar.`,
  listHeading: 'Kartans innehåll som lista',
  cellsHeading: 'Svar i trygghetsenkäter',
  cellsSummary: (n, k) => `${n} ${n === 1 ? 'område' : 'områden'} med minst ${k} svar`,
  cellsByCount: (n, count) => `${n} ${n === 1 ? 'område' : 'områden'} med ${count} svar`,
  noCells: 'Inga områden har tillräckligt många svar för att visas.',
  walkStatus: { planned: 'planerad', done: 'genomförd', unknown: 'status okänd' },
  none: 'Inga',
  clickHelp: 'Klicka på kartan för att se vad som finns nära platsen.',
  clickHelpReport: 'Klicka på kartan för att se vad som finns nära platsen, eller för att rapportera att du känner dig otrygg där.',
  nearHere: 'Vad finns nära den här platsen?',
  reportHere: 'Rapportera att du känner dig otrygg här',
};

EN.map = {
  link: 'Map: neighbourhood watch, safety walks, speed checks and survey answers',
  title: 'Map of the safety work',
  intro: 'The map shows neighbourhood-watch areas, safety walks and streets with speed checks, and where the safety surveys were answered, counted per area. No single answer is shown, and no place of sensitive work.',
  mapLabel: 'Map of the safety work',
  loading: 'Loading the map …',
  noMap: 'The map cannot be shown in this browser. Everything the map shows is in the list below.',
  legendHeading: 'Legend',
  layers: { cells: 'Areas with safety-survey answers', watch: 'Neighbourhood-watch areas', walks: 'Safety walks', speed: 'Streets with speed checks' },
  cellsNote: (k) => `An area is shown only where at least ${k} people answered, and the count is rounded down to a multiple of ${k}. Darker colour: more answers.`,
  listHeading: 'What the map shows, as a list',
  cellsHeading: 'Safety-survey answers',
  cellsSummary: (n, k) => `${n} ${n === 1 ? 'area' : 'areas'} with at least ${k} answers`,
  cellsByCount: (n, count) => `${n} ${n === 1 ? 'area' : 'areas'} with ${count} answers`,
  noCells: 'No area has enough answers to be shown.',
  walkStatus: { planned: 'planned', done: 'done', unknown: 'status unknown' },
  none: 'None',
  clickHelp: 'Click the map to see what is near that place.',
  clickHelpReport: 'Click the map to see what is near that place, or to report that you feel unsafe there.',
  nearHere: 'What is near this place?',
  reportHere: 'Report that you feel unsafe here',
};
