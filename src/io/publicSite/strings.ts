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
};
