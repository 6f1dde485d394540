/**
 * The seed texts were extracted from PDFs and web pages: words are split across lines with a
 * hyphen, lines break mid-sentence, bullets and spaces vary. A quote is written as the words read;
 * to find it we normalise both texts the same way. Each step is named so a failed check can say
 * what was applied.
 */
export const QUOTE_NORMALISATION_STEPS = [
  'Unicode NFC',
  'bindestreck vid radbrytning mellan bokstäver sammanfogat (radikali-⏎sering → radikalisering)',
  'punktsymboler (•, , **) borttagna',
  'blanksteg och radbrytningar sammanslagna till ett mellanslag',
] as const;

export function normaliseForQuote(text: string): string {
  return text
    .normalize('NFC')
    // Only a hyphen that ends its line splits a word; "medborgar- ⏎och" (space first) is a real
    // suspended compound and keeps its hyphen.
    .replace(/(\p{L})-\r?\n\s*(\p{L})/gu, '$1$2')
    .replace(/[•\uF0B7]|\*\*/g, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Whether `quote` occurs in `sourceText` once both are normalised. */
export function quoteOccursIn(quote: string, sourceText: string): boolean {
  const needle = normaliseForQuote(quote);
  return needle.length > 0 && normaliseForQuote(sourceText).includes(needle);
}
