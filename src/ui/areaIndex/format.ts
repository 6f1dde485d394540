import type { ChoroplethClass } from '../../analysis/areaIndex';
import type { AreaIndexNote, AreaIndexFailure } from '../../io/areaIndex/types';
import type { Language } from '../i18n';
import type { AreaIndexStrings } from '../strings/areaIndex';

/** An index or a change as the language writes it: "2,4", "−0,35" (a true minus sign in Swedish), "+0,3". */
export function formatIndex(n: number, language: Language, signed = false): string {
  return new Intl.NumberFormat(language === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: 2, signDisplay: signed ? 'exceptZero' : 'auto' }).format(n);
}

/** A class's range in words, as its values are shown (two decimals): "1 till 1,99", "−1 eller lägre". */
export function classRange(c: ChoroplethClass, t: AreaIndexStrings, language: Language, signed: boolean): string {
  const step = 0.01;
  const lo = c.min === null ? null : c.minInclusive ? c.min : c.min + step;
  const hi = c.max === null ? null : c.maxInclusive ? c.max : c.max - step;
  const f = (n: number) => formatIndex(Math.round(n * 100) / 100, language, signed);
  if (lo !== null && hi !== null) return t.range(f(lo), f(hi));
  if (hi !== null) return t.atMost(f(hi));
  return t.atLeast(f(lo!));
}

export function noteText(note: AreaIndexNote, t: AreaIndexStrings): string {
  const n = t.notes;
  switch (note.code) {
    case 'windows-1252':
      return n.windows1252;
    case 'decimal-comma':
      return n.decimalComma;
    case 'wide-format':
      return n.wide(note.questions);
    case 'long-format':
      return n.long;
    case 'empty-values':
      return n.emptyValues(note.count);
    case 'empty-lines':
      return n.emptyLines(note.count);
    case 'ignored-columns':
      return n.ignoredColumns(note.columns.join(', '));
    case 'reprojected':
      return n.reprojected(note.crs);
    case 'crs-guessed':
      return n.crsGuessed(note.crs);
    case 'split-collections':
      return n.splitCollections(note.count);
  }
}

export function failureText(failure: AreaIndexFailure, t: AreaIndexStrings): string {
  return t.failures[failure.code] ?? failure.code;
}
