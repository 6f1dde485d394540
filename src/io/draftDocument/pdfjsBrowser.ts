/**
 * pdf.js is large (about a megabyte with its worker), so it is loaded only when a PDF is opened.
 * The browser gets the modern build and its worker file; Node (tests, a later server) loads the
 * legacy build through pdfjsNode.ts, a separate file so the page's bundle never includes it.
 */
export type Pdfjs = typeof import('pdfjs-dist');
export type PdfjsLoader = () => Promise<Pdfjs>;

let loading: Promise<Pdfjs> | null = null;

export const loadPdfjsForBrowser: PdfjsLoader = () => {
  loading ??= Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]).then(
    ([pdfjs, worker]) => {
      // Vite copies the worker next to the bundle and gives its URL: parsing runs off the page's thread.
      pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
      return pdfjs;
    },
    (error: unknown) => {
      loading = null; // a failed download (offline) may succeed next time
      throw error;
    },
  );
  return loading;
};
