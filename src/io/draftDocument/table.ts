import type { ActivityStatus } from '../../domain/layers';
import { normaliseForQuote } from '../../domain/quote';
import { isBlank, isBullet, stripBullet } from './lines';
import { isPartyLine, partiesFrom, type Responsible } from './parties';

/**
 * One row of an "Aktivitet:" table, read from text where the columns came out one after the other
 * (Utmaning, then Åtgärd, then Ansvarig, then Status), as PDF extraction of narrow cells does. A
 * blank line ends the challenge; a party name ("Polis", "Kommun/Brå") starts Ansvarig; text after
 * Ansvarig and a blank line is the measure going on over a page break.
 */
export interface TableRow {
  /** From an "Aktivitet" column of a pasted table; null when the title is the "Aktivitet:" line above. */
  title: string | null;
  /** Verbatim source lines of the challenge cell, for its quote. */
  challengeRaw: string | null;
  challenge: string | null;
  measures: string[];
  /** Verbatim source of the first measure, for a quote when there is no challenge. */
  firstMeasureRaw: string | null;
  responsible: Responsible[];
  status: ActivityStatus | null;
}

const STATUS_WORDS: ReadonlyArray<[RegExp, ActivityStatus]> = [
  [/^(?:klar|klart|genomförd|genomfört|avslutad|avslutat|utförd|utfört)\b/iu, 'done'],
  [/^(?:pågår|pågående|påbörjad|påbörjat|löpande|startad|startat)\b/iu, 'ongoing'],
  [/^(?:planerad|planerat|ej påbörjad|ej påbörjat|ej startad|ej startat)\b/iu, 'planned'],
];
export const statusOf = (line: string): ActivityStatus | null => STATUS_WORDS.find(([re]) => re.test(line.trim()))?.[1] ?? null;

type State = 'challenge' | 'measure' | 'responsible';

export function readTableRow(lines: readonly string[]): TableRow {
  const challenge: string[] = [];
  const measures: string[][] = [];
  const parties: string[][] = [];
  let status: ActivityStatus | null = null;
  let state: State = 'challenge';
  let afterBlank = false;

  // Two cells on one line ("Minst två krogkontroller/ år  Polis") are set apart by a run of spaces.
  const parts = lines.flatMap((line) => (isBlank(line) ? [''] : line.trim().split(/\s{2,}/u)));
  for (const part of parts) {
    if (part === '') {
      afterBlank = true;
      continue;
    }
    const wasBlank = afterBlank;
    afterBlank = false;
    if (state === 'challenge') {
      if (challenge.length === 0 || (!wasBlank && !isBullet(part))) {
        challenge.push(part);
        continue;
      }
      state = 'measure';
    }
    if (statusOf(part) && state === 'responsible') {
      status = statusOf(part);
      continue;
    }
    if (isPartyLine(stripBullet(part))) {
      state = 'responsible';
      parties.push([part]);
      continue;
    }
    if (state === 'responsible' && !wasBlank) {
      parties.at(-1)!.push(part);
      continue;
    }
    state = 'measure';
    const last = measures.at(-1);
    // A new measure at a bullet, after a full stop, or at "Att …"; otherwise the cell's text goes on.
    const newItem = !last || isBullet(part) || /[.!?]\s*$/u.test(last.at(-1)!) || (/^Att\s/u.test(part) && !wasBlank) || (wasBlank && !/^\p{Ll}/u.test(part));
    if (newItem) measures.push([part]);
    else last.push(part);
  }
  const text = cellText;
  return {
    title: null,
    challengeRaw: challenge.length > 0 ? challenge.join('\n') : null,
    challenge: challenge.length > 0 ? text(challenge) : null,
    measures: measures.map(text).map(listItem).filter(Boolean),
    firstMeasureRaw: measures[0] ? measures[0].join('\n') : null,
    responsible: parties.flatMap((p) => partiesFrom(text(p))),
    status,
  };
}

export const cellText = (cell: readonly string[]): string => normaliseForQuote(cell.map((l) => stripBullet(l)).join('\n'));
/** "Föräldravandring." is a list item, not a sentence: a short measure loses its full stop. */
export const listItem = (m: string): string => (m.split(' ').length <= 4 ? m.replace(/\.$/u, '') : m);
