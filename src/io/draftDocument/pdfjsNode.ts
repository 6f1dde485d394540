import type { PdfjsLoader } from './pdfjsBrowser';

/** The legacy build runs on Node 20 (the modern one needs newer built-ins); it parses without a worker thread. */
export const loadPdfjsForNode: PdfjsLoader = () => import('pdfjs-dist/legacy/build/pdf.mjs');
