import { useEffect, type RefObject } from 'react';
import { canvasSize } from './layout';
import type { PDFPageProxy } from './pdfjs';

/**
 * The canvas of one page: drawn into a fresh canvas that replaces the old one when done, so
 * zooming never shows a blank page. `onFailed` gets the reason a page could not be drawn (a
 * cancelled render, when the page scrolls away or the zoom changes again, is not a failure); it
 * must be stable (a state setter), or every render would draw the page again.
 */
export function usePageCanvas(
  holderRef: RefObject<HTMLDivElement | null>,
  page: PDFPageProxy | null,
  scale: number,
  onFailed: (message: string) => void,
) {
  useEffect(() => {
    if (!page) return;
    const viewport = page.getViewport({ scale });
    const px = canvasSize(viewport.width, viewport.height, window.devicePixelRatio || 1);
    const canvas = document.createElement('canvas');
    canvas.className = 'pdf-canvas';
    canvas.width = px.width;
    canvas.height = px.height;
    canvas.setAttribute('aria-hidden', 'true');
    const task = page.render({
      canvas,
      viewport,
      transform: px.scale !== 1 ? [px.scale, 0, 0, px.scale, 0, 0] : undefined,
    });
    let done = false;
    task.promise.then(
      () => {
        done = true;
        const holder = holderRef.current;
        if (!holder) return;
        for (const old of holder.querySelectorAll('canvas')) release(old);
        holder.replaceChildren(canvas);
      },
      (e: unknown) => {
        release(canvas);
        if ((e as { name?: string })?.name !== 'RenderingCancelledException') {
          onFailed(messageOf(e));
        }
      },
    );
    return () => {
      if (!done) task.cancel();
    };
  }, [holderRef, page, scale, onFailed]);

  // unmounting frees the canvas memory at once instead of waiting for garbage collection
  useEffect(() => {
    const holder = holderRef.current;
    return () => holder?.querySelectorAll('canvas').forEach(release);
  }, [holderRef]);
}

function release(canvas: HTMLCanvasElement): void {
  canvas.width = 0;
  canvas.height = 0;
}

export const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));
