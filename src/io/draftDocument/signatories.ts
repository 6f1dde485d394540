import type { PromiseDocument } from '../../domain/promiseDocument';
import { splitLines } from './lines';

type Signatory = PromiseDocument['signatories'][number];

const ROLES =
  '(?:lokalpolisområdeschef|polisområdeschef|polismästare|kommunstyrelsens (?:vice )?ordförande|kommunstyrelseordförande|kommunalråd|kommundirektör|kommunchef|stadsdirektör|biträdande kommundirektör|förvaltningschef)';
// Two regexps: a global one keeps state between test() calls, so tests use the other.
const ROLE_ALL = new RegExp(ROLES, 'giu');
const HAS_ROLE = new RegExp(ROLES, 'iu');
const NAME = /^(?:\p{Lu}[\p{L}'’-]+)(?:\s+\p{Lu}[\p{L}'’-]+)+$/u;

/**
 * Signatures are a role line with the name above or below it ("Madelaine Jakobsson⏎Kommunalråd").
 * Two signatures side by side come out as two roles on one line and two names on the next; where
 * one name ends is then a guess, and `guessed` says so.
 */
export function findSignatories(text: string): { signatories: Signatory[]; guessed: boolean } {
  const lines = splitLines(text).map((l) => l.text.replace(/\s+/gu, ' ').trim());
  const signatories: Signatory[] = [];
  let guessed = false;
  lines.forEach((line, i) => {
    const roles = [...line.matchAll(ROLE_ALL)].map((m) => m[0]);
    if (roles.length === 0 || line.replace(ROLE_ALL, '').trim() !== '') return;
    const name = [lines[i - 1], lines[i + 1]].find((l): l is string => !!l && NAME.test(l) && !HAS_ROLE.test(l));
    if (!name) return;
    const role = (r: string) => r.charAt(0).toLocaleUpperCase('sv') + r.slice(1);
    if (roles.length === 1) {
      signatories.push({ name, role: role(roles[0]!) });
      return;
    }
    const words = name.split(' ');
    if (words.length < roles.length * 2) return;
    guessed = true;
    // Earlier names take the spare word: "Catrine Kimerius Wikström | Adam Reuterskiöld".
    let at = 0;
    roles.forEach((r, k) => {
      const take = Math.ceil((words.length - at) / (roles.length - k));
      signatories.push({ name: words.slice(at, at + take).join(' '), role: role(r) });
      at += take;
    });
  });
  const unique = signatories.filter((s, i) => signatories.findIndex((t) => t.name === s.name) === i);
  return { signatories: unique, guessed };
}

const SOURCE_WORDS: ReadonlyArray<[PromiseDocument['sources'][number], RegExp]> = [
  ['medborgardialog', /medborgardialog|medborgar- (?:och|samt)/iu],
  ['medarbetardialog', /medarbetardialog/iu],
  ['samverkansdialog', /samverkansdialog/iu],
  ['trygghetsundersokning', /trygghetsundersökning|trygghetsmätning|trygghetsenkät/iu],
  ['brottsstatistik', /brottsstatistik|statistik,? över brottslighet/iu],
  ['incidentrapporter', /incidentrapport|\bKIA\b/u],
  ['lagesbild', /lägesbild/iu],
  ['strategiska-dokument', /strategisk\p{L}* (?:verksamhetsplan|inriktning)|styrdokument/iu],
  ['samverkanspartners', /samverkanspartner/iu],
];

/** The kinds of sources the text says it was based on. */
export function findSources(text: string): PromiseDocument['sources'] {
  return SOURCE_WORDS.filter(([, re]) => re.test(text)).map(([kind]) => kind);
}

const FOLLOW_UP = /följs upp|följas upp|följa upp|utvärderas|återkoppl|uppföljning/iu;

/** How the document says it is followed up: its first two sentences about that. */
export function findFollowUp(sentences: readonly string[]): string | null {
  const found = sentences.filter((s) => FOLLOW_UP.test(s)).slice(0, 2);
  return found.length > 0 ? found.join(' ') : null;
}
