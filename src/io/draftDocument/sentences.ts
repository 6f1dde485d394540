/**
 * Sentences and the promises in them. Swedish medborgarlöften state a promise with a modal verb
 * ("Polisen och kommunen ska …", "vill", "kommer att") or with "genom" ("Genom hastighetskontroller …");
 * one sentence often holds two promises joined by "samt" + a verb ("… otrygga samt förhindra att …")
 * or by "och <vem> ska" ("… störst otrygghet och kommunen ska genomföra trygghetsvandringar").
 * All functions work on quote-normalised text (one space between words).
 */

/** Split after . ! ? when a capital or digit follows; "t.ex. inbrott" and "enl. förra" stay whole. */
export function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+(?=[\p{Lu}\d"”«])/u)
    .map((s) => s.trim())
    .filter((s) => /\p{L}/u.test(s));
}

const MODAL = /\b(?:ska|skall|kommer att|vill|avser att|lovar)\b/iu;
const ACTOR = /\b(?:polis\p{L}*|kommun\p{L}*|vi|lokalpolisområde\p{L}*|lpo)\b/iu;

export const hasModal = (s: string): boolean => MODAL.test(s);
export const mentionsActor = (s: string): boolean => ACTOR.test(s);
/** Whether a sentence of prose commits someone to something (not "ingen ska dödas"). */
export const isPromiseSentence = (s: string): boolean => mentionsActor(s) && (hasModal(s) || /\bgenom\b/iu.test(s));

// Words ending in -a after "samt" that are not verbs ("samt andra aktörer").
const NOT_VERBS = new Set(['andra', 'alla', 'olika', 'dessa', 'flera', 'sina', 'våra', 'nya', 'unga', 'egna', 'hela', 'båda', 'bägge', 'vissa', 'många']);
const wordsIn = (s: string): number => s.split(' ').filter(Boolean).length;

/** The promises in one sentence; each part keeps its own words so it can be quoted. */
export function promiseClauses(sentence: string): string[] {
  const cuts: number[] = [];
  for (const m of sentence.matchAll(/,?\s+samt\s+(\p{Ll}+)\b/gu)) {
    const verb = m[1]!;
    if (verb.length >= 4 && verb.endsWith('a') && !NOT_VERBS.has(verb)) cuts.push(m.index);
  }
  for (const m of sentence.matchAll(/,?\s+och\s+(?:\p{L}+\s+){1,2}(?:ska|skall|kommer att|vill)\b/gu)) {
    if (hasModal(sentence.slice(0, m.index))) cuts.push(m.index);
  }
  const parts: string[] = [];
  let start = 0;
  for (const cut of [...new Set(cuts)].sort((a, b) => a - b)) {
    const left = sentence.slice(start, cut).trim();
    const right = sentence.slice(cut).trim();
    if (wordsIn(left) < 3 || wordsIn(right) < 4) continue;
    parts.push(left);
    start = cut;
  }
  parts.push(sentence.slice(start).trim());
  return parts.map((p) => p.replace(/^,\s*/u, ''));
}

const LEADING =
  /^(?:(?:och|samt|dels|dessutom|därtill|vidare|även|detta|det|sker|ska|skall|göras|genom|att|under året|därför)\s+)+/iu;
const SUBJECT_MODAL =
  /^(?:(?:polisen|kommunen|polis|kommun|vi|tillsammans|och|gemensamt|lokalpolisområdet)\s+)+(?:ska|skall|vill|kommer att|avser att|lovar att)\s+(?:(?:därför|under året|tillsammans|aktivt|gemensamt|också|även|fortsatt|att)\s+)*(?:(?:verka|arbeta)\s+(?:aktivt\s+)?för\s+att\s+)?/iu;
// "Under året är ett fokusområde ett gott förebyggande arbete …": the area is what follows.
const FOCUS_IS = /^.*?(?<!\p{L})(?:(?:är|blir)\s+(?:ett|vårt|det)\s+(?:\p{L}+\s+)?fokusområde|fokusområde\p{L}*\s+(?:är|blir))\s+/iu;
// "Genom hastighetskontroller … ska medelhastigheten sänkas": the means is the activity.
const MEANS = /^genom\s+(?:att\s+)?(.+?)\s+(?:ska|skall|vill|kommer|önskar)\b/iu;

/** A short title from a promise: what is to be done, not who promises it. */
export function titleFrom(clause: string, maxWords = 12): string {
  let t = clause.replace(/[.:;!]+$/u, '').trim();
  const means = MEANS.exec(t);
  if (means && wordsIn(means[1]!) >= 2) t = means[1]!;
  t = t.replace(FOCUS_IS, '');
  t = t.replace(SUBJECT_MODAL, '');
  t = t.replace(LEADING, '');
  t = t.replace(SUBJECT_MODAL, '');
  // "Kontinuerligt följa brottsutvecklingen i kommunen för att …": the purpose is not the title.
  const purpose = /\s(?:för att|i syfte att|med syfte att|så att)\s/iu.exec(t);
  if (purpose) {
    const before = t.slice(0, purpose.index);
    // "… arbeta aktivt för att trafikmiljön ska vara trygg": when the words before only say "work for", the aim is the title.
    if (/\b(?:arbeta|verka|samverka|jobba)(?:\s+aktivt)?$/iu.test(before)) t = t.slice(purpose.index + purpose[0].length);
    else if (wordsIn(before) >= 4) t = before;
  }
  const words = t.split(' ').filter(Boolean);
  const short = words.length > maxWords ? `${words.slice(0, maxWords).join(' ')} …` : words.join(' ');
  return short.charAt(0).toLocaleUpperCase('sv') + short.slice(1);
}

/** planned: promised ("ska"); ongoing: continues or already happens; otherwise unknown. */
export function statusFrom(text: string): 'planned' | 'ongoing' | 'unknown' {
  if (/\b(?:fortsätt\p{L}*|fortsatt|kontinuerligt|löpande|fortlöpande|arbetar|träffas)\b/iu.test(text)) return 'ongoing';
  if (hasModal(text) || /^\p{L}+a\b/iu.test(text)) return 'planned';
  return 'unknown';
}

/**
 * Brott i nära relation, våld i hemmet, särskilt utsatta brottsoffer, Huskurage: the draft marks
 * these sensitive so they never get a place by accident. Only a suggestion; src/domain/rules decides.
 */
export const looksSensitive = (text: string): boolean =>
  /nära relation|våld i hemmet|särskilt utsatt|huskurage|hedersrelat|brottsoffer|våld mot kvinnor/iu.test(text);
