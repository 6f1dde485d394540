import type { TextItem, TextMarkedContent } from 'pdfjs-dist/types/src/display/api';
import { text, type Text } from '../../domain/text';
import { linesFromPlacedText } from './pdfLines';
import { loadPdfjsForBrowser, type PdfjsLoader } from './pdfjsBrowser';

export interface ReadPdfOptions {
  /** How to load pdf.js; the browser's by default, `loadPdfjsForNode` (pdfjsNode.ts) in Node. */
  loadPdfjs?: PdfjsLoader;
  /** A medborgarlöfte is a few pages; a huge file is read only this far. */
  maxPages?: number;
}

/** The reason a PDF could not be read, for the planner in both languages (`message` is the Swedish). */
export class PdfReadError extends Error {
  override name = 'PdfReadError';
  constructor(
    readonly text: Text,
    options?: ErrorOptions,
  ) {
    super(text.sv, options);
  }
}

const isTextItem = (item: TextItem | TextMarkedContent): item is TextItem => 'str' in item;

/**
 * The text of a PDF, one line per printed line and a blank line between paragraphs and pages.
 * A scanned PDF has no text and gives "" (the draft then says so). Rejects with PdfReadError.
 */
export async function readPdfText(bytes: Uint8Array, options: ReadPdfOptions = {}): Promise<string> {
  const pdfjs = await (options.loadPdfjs ?? loadPdfjsForBrowser)();
  // pdf.js takes the buffer over (detaches it); a copy leaves the caller's bytes usable.
  const task = pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, verbosity: pdfjs.VerbosityLevel.ERRORS, disableFontFace: true });
  try {
    const doc = await task.promise;
    const pages: string[] = [];
    for (let n = 1; n <= Math.min(doc.numPages, options.maxPages ?? 200); n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const placed = content.items.filter(isTextItem).map((i) => ({ str: i.str, x: i.transform[4] as number, y: i.transform[5] as number, width: i.width, height: i.height }));
      pages.push(linesFromPlacedText(placed).join('\n'));
      page.cleanup();
    }
    return pages.join('\n\n');
  } catch (error) {
    throw new PdfReadError(pdfErrorMessage(error), { cause: error });
  } finally {
    await task.destroy();
  }
}

function pdfErrorMessage(error: unknown): Text {
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') return text('PDF-filen är lösenordsskyddad: spara den utan lösenord och försök igen.', 'The PDF is password protected: save it without a password and try again.');
  if (name === 'InvalidPDFException') return text('Filen är ingen läsbar PDF.', 'The file is not a readable PDF.');
  // pdf.js's own words (English) are the detail.
  const detail = error instanceof Error ? error.message : String(error);
  return text(`PDF-filen kunde inte läsas (${detail}).`, `The PDF could not be read (${detail}).`);
}
