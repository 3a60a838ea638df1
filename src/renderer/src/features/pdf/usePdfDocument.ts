import { useEffect, useState } from 'react';
import type { DocumentId } from '../../../../shared/model';
import { errorMessage } from '../shell/useToasts';
import type { PageSize } from './layout';
import { describePdfError, openPdf, type PDFDocumentProxy } from './pdfjs';
import { fetchPdfBytes } from './source';

export type PdfState =
  | { status: 'loading'; stage: 'file' | 'pages'; progress: number | null }
  | { status: 'locked'; wrongBefore: boolean }
  | { status: 'error'; title: string; detail: string }
  | { status: 'ready'; pdf: PDFDocumentProxy; sizes: PageSize[] };

/** Page sizes are read in the background in batches of this many pages. */
const SIZE_BATCH = 64;

/**
 * Loads a document's PDF for the page view: bytes from the backend, then pdf.js (in its worker).
 * The first page's size stands for every page until the real sizes, read in the background, arrive,
 * so a 1,000-page PDF shows its first pages at once.
 */
export function usePdfDocument(id: DocumentId, password: string | null): PdfState {
  const [state, setState] = useState<PdfState>({
    status: 'loading',
    stage: 'file',
    progress: null,
  });

  useEffect(() => {
    let cancelled = false;
    let destroy: (() => void) | null = null;
    setState({ status: 'loading', stage: 'file', progress: null });
    (async () => {
      let bytes: Uint8Array;
      try {
        bytes = await fetchPdfBytes(id);
      } catch (e) {
        if (!cancelled) {
          setState({
            status: 'error',
            title: 'The original file could not be read',
            detail: `${errorMessage(e, 'load the PDF')} The extracted text is still available in the Text view.`,
          });
        }
        return;
      }
      if (cancelled) return;
      setState({ status: 'loading', stage: 'pages', progress: 0 });
      const task = await openPdf(bytes, {
        password: password ?? undefined,
        onProgress: (progress) =>
          !cancelled && setState({ status: 'loading', stage: 'pages', progress }),
      });
      destroy = () => void task.destroy();
      if (cancelled) return destroy();
      let pdf: PDFDocumentProxy;
      try {
        pdf = await task.promise;
      } catch (e) {
        if (cancelled) return;
        const { name } = (e ?? {}) as { name?: string };
        if (name === 'PasswordException') {
          setState({ status: 'locked', wrongBefore: password !== null });
        } else {
          setState({ status: 'error', ...describePdfError(e) });
        }
        return;
      }
      const first = (await pdf.getPage(1)).getViewport({ scale: 1 });
      if (cancelled) return;
      let sizes: PageSize[] = Array.from({ length: pdf.numPages }, () => ({
        width: first.width,
        height: first.height,
      }));
      setState({ status: 'ready', pdf, sizes });
      // the real sizes, a batch at a time; one state update per batch that changed anything
      for (let start = 1; start < pdf.numPages && !cancelled; start += SIZE_BATCH) {
        const end = Math.min(pdf.numPages, start + SIZE_BATCH);
        const batch = await Promise.all(
          Array.from({ length: end - start }, (_, k) =>
            pdf.getPage(start + k + 1).then(
              (p) => p.getViewport({ scale: 1 }),
              () => null,
            ),
          ),
        );
        if (cancelled) return;
        let changed = false;
        const next = sizes.slice();
        batch.forEach((v, k) => {
          const old = next[start + k]!;
          if (v && (Math.abs(v.width - old.width) > 0.5 || Math.abs(v.height - old.height) > 0.5)) {
            next[start + k] = { width: v.width, height: v.height };
            changed = true;
          }
        });
        if (changed) {
          sizes = next;
          setState({ status: 'ready', pdf, sizes });
        }
      }
    })().catch((e: unknown) => {
      if (!cancelled) setState({ status: 'error', ...describePdfError(e) });
    });
    return () => {
      cancelled = true;
      destroy?.();
    };
  }, [id, password]);

  return state;
}
