import { describe, expect, it } from 'vitest';
import { normaliseForQuote, quoteOccursIn } from '../../../src/domain/quote';

describe('quote matching in PDF-extracted text', () => {
  it('joins a word split by a hyphen at the end of a line, across blank lines', () => {
    expect(quoteOccursIn('dras in i radikalisering inom', 'att dras in i radikali-\n\nsering inom')).toBe(true);
  });
  it('keeps a suspended compound whose hyphen is followed by a space', () => {
    expect(normaliseForQuote('medborgar- \n\noch medarbetardialog')).toBe('medborgar- och medarbetardialog');
  });
  it('collapses whitespace, non-breaking spaces and bullets', () => {
    expect(quoteOccursIn('Informationskampanjer Aktiviteter för ökad', '• Informationskampanjer\n•\u00a0Aktiviteter  för\nökad')).toBe(true);
    expect(quoteOccursIn('Droger är vanligt', '- **Droger**\n\nDroger är vanligt')).toBe(true);
  });
  it('is case-sensitive and rejects words that are not there', () => {
    expect(quoteOccursIn('polisen ska', 'Polisen ska')).toBe(false);
    expect(quoteOccursIn('Polisen ska flyga', 'Polisen ska')).toBe(false);
    expect(quoteOccursIn('   ', 'Polisen ska')).toBe(false);
  });
});
