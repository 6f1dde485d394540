import type { TextItem, TextMarkedContent } from 'pdfjs-dist/types/src/display/api';
import { linesFromPlacedText } from './pdfLines';
import { loadPdfjsForBrowser, type PdfjsLoader } from './pdfjsBrowser';

export interface ReadPdfOptions {
  /** How to load pdf.js; the browser's by default, `loadPdfjsForNode` (pdfjsNode.ts) in Node. */
  loadPdfjs?: PdfjsLoader;
  /** A medborgarlöfte is a few pages; a huge file is read only this far. */
  maxPages?: number;
}

/** The reason a PDF could not be read, in Swedish for the planner. */
export class PdfReadError extends Error {
  override name = 'PdfReadError';
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

function pdfErrorMessage(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') return 'PDF-filen är lösenordsskyddad: spara den utan lösenord och försök igen.';
  if (name === 'InvalidPDFException') return 'Filen är ingen läsbar PDF.';
  return `PDF-filen kunde inte läsas (${error instanceof Error ? error.message : String(error)}).`;
}
