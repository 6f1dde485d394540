/**
 * "A new document in": paste or upload a medborgarlöfte and get a draft to review. Text files
 * are decoded with src/io/decodeText.ts; PDFs are read with readPdfText (pdf.js, loaded on demand).
 */
export { draftFromText, MAX_DRAFT_CHARS } from './draft';
export { PdfReadError, readPdfText, type ReadPdfOptions } from './readPdfText';
export type { Pdfjs, PdfjsLoader } from './pdfjsBrowser';
export type { DocumentDraft, DraftActivity, DraftDocument, DraftFocusArea, DraftMeta, DraftOrigin } from './types';
export { municipalitiesFromAreas } from './municipalityList';
