import { normaliseForQuote } from '../../domain/quote';
import { partiesNamedIn } from './parties';
import type { Quoter } from './quoter';
import type { LocatedBlock } from './segment';
import { hasModal, isPromiseSentence, promiseClauses, sentencesOf, statusFrom, titleFrom } from './sentences';
import { readTableRows } from './tabbedTable';
import type { DraftActivity } from './types';

/** An activity before it knows its focus area's index and sensitivity. */
export type ActivityParts = Omit<DraftActivity, 'focusAreaIndex' | 'sensitive'>;

type ActivityBlock = Extract<LocatedBlock, { kind: 'activity' }>;

// "Minst två krogkontroller/år", "4 st", "öka med 10 %": a measure that is also a measurable target.
// (Lookarounds, not \b: in JavaScript \b only knows ASCII letters, so "\böka" never matches.)
const TARGET = /(?<![\p{L}\d])(?:minst|högst|max|som mest|öka\p{L}* med|minska\p{L}* med)(?![\p{L}\d])|\d+\s*(?:st|ggr|gånger|procent)(?![\p{L}\d])|\d+\s*%|\/\s*år(?!\p{L})/iu;

const capitalise = (s: string): string => s.charAt(0).toLocaleUpperCase('sv') + s.slice(1);
const withoutConnective = (clause: string): string => capitalise(clause.replace(/^(?:och|samt|dels)\s+/iu, '').replace(/[;:]$/u, ''));

/** One activity per table row; the Status column is empty in many plans, then status is unknown. */
export function tableActivities(block: ActivityBlock, quoter: Quoter): ActivityParts[] {
  return block.rows.flatMap((rows) => readTableRows(rows.header, rows.lines)).map((row) => {
    const title = block.title !== null ? normaliseForQuote(block.title) : (row.title ?? titleFrom(row.challenge ?? row.measures[0] ?? 'Aktivitet'));
    // A short challenge ("Minska de kriminellas inkomster.") is quoted with the measure after it.
    const short = row.challengeRaw !== null && row.challengeRaw.split(/\s+/u).filter(Boolean).length < 5;
    const quote =
      (short && row.firstMeasureRaw && quoter.quote(`${row.challengeRaw}\n${row.firstMeasureRaw}`, block.offset)) ||
      (row.challengeRaw && quoter.quote(row.challengeRaw, block.offset)) ||
      (row.firstMeasureRaw && quoter.quote(row.firstMeasureRaw, block.offset)) ||
      quoter.quote(block.raw.split('\n')[0]!, block.offset) ||
      title;
    return {
      title,
      challenge: row.challenge,
      measures: row.measures,
      responsible: row.responsible,
      status: row.status ?? 'unknown',
      target: row.measures.find((m) => TARGET.test(m)) ?? null,
      quote,
      origin: 'table' as const,
    };
  });
}

/** A sub-heading under "… genom:" with its text ("Fältsamverkan⏎Polisen och den kommunala …"). */
export function headingActivity(title: string, heading: LocatedBlock, body: readonly LocatedBlock[], quoter: Quoter): ActivityParts {
  const sentences = body.flatMap((b) => sentencesOf(b.norm));
  const text = body.map((b) => b.norm).join(' ');
  const first = body[0];
  return {
    title,
    challenge: null,
    measures: sentences,
    responsible: partiesNamedIn(text),
    status: statusFrom(text),
    target: sentences.find((s) => TARGET.test(s)) ?? null,
    quote: (first && quoter.quote(first.norm, first.offset)) || quoter.quote(heading.norm, heading.offset) || title,
    origin: 'heading',
  };
}

/** One clause of a promise sentence as an activity; who and how far come from the clause, else its sentence. */
function clauseActivity(clause: string, sentence: string, from: number, quoter: Quoter, origin: ActivityParts['origin'], before: readonly string[]): ActivityParts {
  // "… och kommunen ska genomföra trygghetsvandringar samt beakta …": the last one who was named.
  const named = [clause, ...[...before].reverse()].map(partiesNamedIn).find((p) => p.length > 0) ?? [];
  const status = statusFrom(clause);
  return {
    title: titleFrom(clause),
    challenge: null,
    measures: [withoutConnective(clause)],
    responsible: named,
    status: status === 'unknown' ? statusFrom(sentence) : status,
    target: TARGET.test(clause) ? withoutConnective(clause) : null,
    quote: quoter.quote(clause, from) ?? clause,
    origin,
  };
}

/** Prose under a focus-area heading: only sentences where police or municipality commit to something. */
export function sentenceActivities(body: readonly LocatedBlock[], quoter: Quoter): ActivityParts[] {
  return body.flatMap((b) =>
    sentencesOf(b.norm)
      .filter(isPromiseSentence)
      .flatMap((s) => promiseClauses(s).map((c, i, all) => clauseActivity(c, s, b.offset, quoter, 'sentence', all.slice(0, i)))),
  );
}

const PRONOUN_START = /^(?:detta|denna|dessa|andra|alla|flera|många|sina|våra|hela)\b/iu;
/** "Delta i …", "Kontinuerligt följa …": a bullet promise often starts with the verb itself. */
const startsWithVerb = (s: string): boolean => !PRONOUN_START.test(s) && /^(?:\p{L}+(?:t|vis)\s+)?\p{L}+[^n\s]a\b/iu.test(s);
const isActionSentence = (s: string): boolean => hasModal(s) || /\bgenom\b/iu.test(s) || startsWithVerb(s);

/**
 * A bullet promise: its sentences that say what will be done (a modal verb, "genom", or a verb
 * first), or the first sentence when none does. "Dels genom …" goes on from the sentence before.
 */
export function bulletActivities(block: LocatedBlock, quoter: Quoter, text: string = block.norm): ActivityParts[] {
  const sentences = sentencesOf(text);
  const acting = sentences.filter(isActionSentence);
  const chosen = acting.length > 0 ? acting : sentences.slice(0, 1);
  const activities: ActivityParts[] = [];
  let lastClause: string | null = null;
  for (const s of chosen) {
    const previous = activities.at(-1);
    if (/^dels\b/iu.test(s) && previous && lastClause) {
      // Quote both sentences together: the second only says how the first is done.
      const quote = quoter.quote(`${lastClause} ${s}`, block.offset) ?? previous.quote;
      activities[activities.length - 1] = { ...previous, measures: [...previous.measures, s], quote };
      continue;
    }
    const clauses = promiseClauses(s);
    activities.push(...clauses.map((c, i) => clauseActivity(c, s, block.offset, quoter, 'bullet', clauses.slice(0, i))));
    lastClause = clauses.at(-1) ?? null;
  }
  return activities;
}
