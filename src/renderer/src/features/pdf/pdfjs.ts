/**
 * pdf.js in the renderer, set up safely (GUIDE §5): parsing in pdf.js's worker (served from our
 * own origin), `isEvalSupported: false` (CVE-2024-4367), no network: character maps and standard
 * fonts are shipped with the app (electron.vite.config.ts copies them to `pdfjs/`).
 *
 * The legacy build is used because the modern one needs JavaScript features (Map#getOrInsertComputed)
 * newer than the Chromium inside our Electron; it is the same code with polyfills.
 *
 * WebAssembly decoders (JPEG 2000, JBIG2, ICC colour) are switched off: compiling WebAssembly needs
 * 'wasm-unsafe-eval' in the CSP, which we do not grant. pdf.js then uses its plain-JavaScript
 * decoders, which are slower but render the same pages.
 */
import type { PDFDocumentLoadingTask } from 'pdfjs-dist/legacy/build/pdf.mjs';
import workerUrl from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url';

export type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
export type {
  PDFDocumentProxy,
  PDFPageProxy,
  TextContent,
  TextItem,
} from 'pdfjs-dist/types/src/display/api';

let loading: Promise<PdfJs> | undefined;

/** pdf.js is large: it is loaded the first time a PDF is shown, not at app start. */
export function loadPdfJs(): Promise<PdfJs> {
  loading ??= import('pdfjs-dist/legacy/build/pdf.mjs').then((pdfjs) => {
    pdfjs.GlobalWorkerOptions.workerSrc = new URL(workerUrl, document.baseURI).href;
    return pdfjs;
  });
  // a failed load (e.g. the app was updated underneath) may be retried later
  loading.catch(() => (loading = undefined));
  return loading;
}

const asset = (path: string) => new URL(`pdfjs/${path}`, document.baseURI).href;

/**
 * Starts reading a PDF from its bytes. `onProgress` reports parsing progress (0-1) when pdf.js
 * knows it. The caller owns the task and must `destroy()` it.
 */
export async function openPdf(
  bytes: Uint8Array,
  options: { password?: string; onProgress?: (fraction: number) => void } = {},
): Promise<PDFDocumentLoadingTask> {
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    data: bytes,
    password: options.password,
    isEvalSupported: false,
    cMapUrl: asset('cmaps/'),
    cMapPacked: true,
    standardFontDataUrl: asset('standard_fonts/'),
    // the plain-JavaScript JPEG 2000 decoder lives with the WebAssembly files
    wasmUrl: asset('wasm/'),
    useWasm: false,
    // never fall back to fonts of this computer: pages look the same everywhere
    useSystemFonts: false,
    enableXfa: false,
    // the whole file is in memory already: no range requests, no streaming
    disableRange: true,
    disableStream: true,
    disableAutoFetch: true,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  if (options.onProgress) {
    const report = options.onProgress;
    task.onProgress = ({ loaded, total }: { loaded: number; total: number }) => {
      if (total > 0) report(Math.min(1, loaded / total));
    };
  }
  return task;
}

/** What went wrong opening a PDF, in the user's terms. */
export function describePdfError(error: unknown): { title: string; detail: string } {
  const { name, message } = (error ?? {}) as { name?: string; message?: string };
  if (name === 'PasswordException') {
    return {
      title: 'This PDF is password-protected',
      detail: 'Enter its password to show the pages, or read the extracted text in the Text view.',
    };
  }
  if (name === 'InvalidPDFException') {
    return {
      title: 'This PDF cannot be displayed',
      detail:
        'pdf.js says the file is not a valid PDF. The extracted text is still available in the Text view; to see the pages, re-save the file from another PDF viewer and import it again.',
    };
  }
  return {
    title: 'The pages could not be displayed',
    detail: `${message ?? 'Unknown error'}. The extracted text is still available in the Text view.`,
  };
}
