import { enCount, svCount } from './plural';
import type { Language } from '../i18n';

/**
 * The reports part's strings in both languages, loaded with that part only (issue 12: the first
 * JavaScript stays under 500 kB gzip), not with the app's dictionary.
 */
const SV = {
  open: 'Medborgarrapporter och publicering',
  title: 'Medborgarrapporter och publicering',
  queueTitle: 'Att granska',
  queueHelp: 'Rapporter som medborgare skickat från den publika webbplatsen. Godta en som ett enkätsvar till en otrygg plats, eller avvisa den. Rapporter publiceras aldrig en och en, och kommentarer visas bara här.',
  empty: 'Inga rapporter väntar på granskning.',
  refresh: 'Hämta igen',
  received: (date: string) => `Inkom ${date}`,
  placeLabel: 'Räkna som svar till den otrygga platsen',
  placeAt: (name: string, metres: string) => `${name} (${metres} m bort)`,
  noPlace: 'Kommunen har ingen otrygg plats än: lägg till en på kartan för att kunna godta rapporten.',
  accept: 'Godta som enkätsvar',
  reject: 'Avvisa',
  accepted: (place: string) => `Rapporten räknas nu som ett svar till ${place}.`,
  rejected: 'Rapporten avvisades.',
  publishTitle: 'Publicera medborgarwebben',
  publishHelp: 'Bygger den publika webbplatsen av teamets data som den är nu. Den kontrolleras först: inget som kan peka ut ett enskilt svar, en känslig plats eller en författare publiceras.',
  publish: 'Publicera nu',
  publishing: 'Publicerar…',
  published: (files: number, ms: number) => `Medborgarwebben publicerades: ${svCount(files, 'fil', 'filer')} på ${(ms / 1000).toLocaleString('sv-SE', { maximumFractionDigits: 1 })} s.`,
  publishRefused: 'Webbplatsen publicerades inte, den skulle röja uppgifter. Den tidigare versionen ligger kvar.',
  serverSaid: (status: number, message: string) => `Servern svarade ${status}: ${message}`,
  unreachable: 'Servern gick inte att nå. Försök igen om en stund.',
};
export type ReportsStrings = typeof SV;

const EN: ReportsStrings = {
  open: 'Citizens’ reports and publishing',
  title: 'Citizens’ reports and publishing',
  queueTitle: 'To review',
  queueHelp: 'Reports citizens sent from the public site. Accept one as a survey answer of an unsafe place, or reject it. Reports are never published one by one, and comments are shown only here.',
  empty: 'No reports are waiting for review.',
  refresh: 'Fetch again',
  received: (date) => `Received ${date}`,
  placeLabel: 'Count as an answer of the unsafe place',
  placeAt: (name, metres) => `${name} (${metres} m away)`,
  noPlace: 'The municipality has no unsafe place yet: add one on the map to accept the report.',
  accept: 'Accept as a survey answer',
  reject: 'Reject',
  accepted: (place) => `The report now counts as an answer of ${place}.`,
  rejected: 'The report was rejected.',
  publishTitle: 'Publish the citizens’ site',
  publishHelp: 'Builds the public site from the team’s data as it is now. It is checked first: nothing that could single out an answer, a sensitive place or an author is published.',
  publish: 'Publish now',
  publishing: 'Publishing…',
  published: (files, ms) => `The citizens’ site was published: ${enCount(files, 'file', 'files')} in ${(ms / 1000).toLocaleString('en-GB', { maximumFractionDigits: 1 })} s.`,
  publishRefused: 'The site was not published: it would reveal what must stay private. The previous version stays.',
  serverSaid: (status, message) => `The server answered ${status}: ${message}`,
  unreachable: 'The server could not be reached. Try again in a while.',
};

export const reportsStrings = (language: Language): ReportsStrings => (language === 'en' ? EN : SV);
