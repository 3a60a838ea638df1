import {
  memo,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
} from 'react';
import type { OcrPage } from '../../../../shared/ocr';
import type { Highlight } from '../reader/segments';
import { mergeLineBoxes, type PageSize } from './layout';
import { PageHighlights, type DrawnHighlight } from './PageHighlights';
import { pageHighlights, type ItemMap } from './pageMap';
import {
  loadPdfJs,
  type PDFDocumentProxy,
  type PDFPageProxy,
  type TextContent,
  type TextItem,
} from './pdfjs';
import { ocrTextContent, uncertainWords } from './ocrText';
import type { PageMaps } from './source';
import { itemBoxes, trackTextLayer, type Box } from './textLayerDom';
import { messageOf, usePageCanvas } from './usePageCanvas';

interface Props {
  pdf: PDFDocumentProxy;
  index: number;
  label: string;
  /** in PDF points */
  size: PageSize;
  /** CSS pixels per PDF point */
  scale: number;
  top: number;
  maps: PageMaps;
  /** claim spans touching this page */
  highlights: readonly Highlight[];
  /** changes exactly when `highlights` change */
  highlightKey: string;
  /** a passage shown on request (a search hit), if it touches this page */
  passage: { start: number; end: number } | null;
  selectedClaimId: string | null;
  /** called after this page's highlights are (re)drawn, so a reveal can scroll to them */
  onDrawn: (index: number) => void;
  onError: (message: string) => void;
  /** the OCR badge: read the scanned pages again (in other languages) */
  onOcr: (languages: string[]) => void;
}

type TextLayerInstance = InstanceType<Awaited<ReturnType<typeof loadPdfJs>>['TextLayer']>;

/**
 * One page of the page view: the canvas pdf.js paints, the transparent text layer above it (one
 * span per text item, for selection), and claim highlights between the two. It exists only while
 * near the viewport; unmounting cancels rendering and frees the canvas.
 */
export const PdfPage = memo(function PdfPage(props: Props) {
  const { pdf, index, label, size, scale, top, maps, highlights, highlightKey } = props;
  const { passage, selectedClaimId, onDrawn, onError } = props;
  const boxRef = useRef<HTMLDivElement>(null);
  const canvasHolder = useRef<HTMLDivElement>(null);
  const layerRef = useRef<HTMLDivElement>(null);
  const scaleRef = useRef(scale);
  scaleRef.current = scale;
  const onErrorRef = useRef(onError);
  onErrorRef.current = onError;

  const [page, setPage] = useState<PDFPageProxy | null>(null);
  const [text, setText] = useState<TextContent | null>(null);
  const [textLayer, setTextLayer] = useState<TextLayerInstance | null>(null);
  const [map, setMap] = useState<ItemMap | null>(null);
  const [ocr, setOcr] = useState<OcrPage | null>(null);
  const [drawn, setDrawn] = useState<DrawnHighlight[]>([]);
  const [hit, setHit] = useState<Box[]>([]);
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    let proxy: PDFPageProxy | null = null;
    pdf.getPage(index + 1).then(
      (p) => {
        proxy = p;
        if (!cancelled) setPage(p);
      },
      (e: unknown) => !cancelled && setFailed(messageOf(e)),
    );
    return () => {
      cancelled = true;
      // frees the page's decoded images and fonts' glyph caches; it is reloaded when seen again
      proxy?.cleanup();
    };
  }, [pdf, index]);

  usePageCanvas(canvasHolder, page, scale, setFailed);

  // the text items: exactly the importer's getTextContent() call (TEXT_CONTENT_OPTIONS in
  // src/main/importers/pdf-read.ts, pdf.js's defaults), so item i here is item i of the page map
  useEffect(() => {
    if (!page) return;
    let cancelled = false;
    page.getTextContent({ includeMarkedContent: false, disableNormalization: false }).then(
      (content) => !cancelled && setText(content),
      (e: unknown) => !cancelled && onErrorRef.current(`Page ${index + 1}: ${messageOf(e)}`),
    );
    return () => {
      cancelled = true;
    };
  }, [page, index]);

  useEffect(() => {
    let cancelled = false;
    maps.get(index).then(
      (m) => {
        if (cancelled) return;
        setOcr(maps.ocr(index) ?? null);
        setMap(m);
      },
      () => !cancelled && setMap(null),
    );
    return () => {
      cancelled = true;
    };
  }, [maps, index]);

  // a scanned page's text items are the words OCR read (ocrText.ts), not the PDF's
  const content = useMemo(() => (ocr ? ocrTextContent(ocr) : text), [ocr, text]);

  useEffect(() => {
    const container = layerRef.current;
    if (!page || !content || !container) return;
    let cancelled = false;
    let untrack: (() => void) | null = null;
    let layer: TextLayerInstance | null = null;
    void loadPdfJs().then(({ TextLayer }) => {
      if (cancelled) return;
      layer = new TextLayer({
        textContentSource: content,
        container,
        viewport: page.getViewport({ scale: scaleRef.current }),
      });
      const created = layer;
      created.render().then(
        () => {
          if (cancelled) return;
          const uncertain = ocr ? uncertainWords(ocr) : null;
          created.textDivs.forEach((div, i) => {
            div.dataset.item = String(i);
            if (uncertain?.has(i)) div.classList.add('ocr-uncertain');
          });
          untrack = trackTextLayer(container);
          setTextLayer(created);
        },
        () => {},
      );
    });
    return () => {
      cancelled = true;
      layer?.cancel();
      untrack?.();
      container.replaceChildren();
      setTextLayer(null);
    };
  }, [page, content, ocr]);

  useLayoutEffect(() => {
    if (page && textLayer) textLayer.update({ viewport: page.getViewport({ scale }) });
  }, [page, textLayer, scale]);

  // highlights: runs of item characters covered by claims, drawn from the text layer's geometry
  useLayoutEffect(() => {
    const box = boxRef.current;
    if (!box || !textLayer || !content || map === null || map.length !== content.items.length) {
      setDrawn([]);
      setHit([]);
      return;
    }
    const texts = content.items.map((it) => (it as TextItem).str ?? '');
    const pageRect = box.getBoundingClientRect();
    const boxesOf = (spans: readonly Highlight[]) =>
      mergeLineBoxes(
        pageHighlights(map, texts, spans).flatMap((run) => {
          const span = textLayer.textDivs[run.item];
          const boxes = span ? itemBoxes(span, run.from, run.to, pageRect) : [];
          return boxes.map((b) => ({ ...b, claimIds: run.claimIds }));
        }),
        pageRect.height / pageRect.width,
        (b) => b.claimIds.join(' '),
      );
    setDrawn(boxesOf(highlights));
    setHit(passage ? boxesOf([{ claimId: '', ...passage }]) : []);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- highlightKey stands for highlights
  }, [textLayer, content, map, highlightKey, passage?.start, passage?.end, scale]);

  const itemCount = content?.items.length;
  const mapCount = map?.length;
  useEffect(() => {
    if (mapCount !== undefined && itemCount !== undefined && mapCount !== itemCount) {
      console.warn(`[pdf] page ${index + 1}: ${itemCount} text items, page map has ${mapCount}`);
    }
  }, [index, itemCount, mapCount]);

  useEffect(() => {
    if (textLayer) onDrawn(index);
  }, [drawn, hit, textLayer, index, onDrawn]);

  const width = Math.round(size.width * scale);
  const height = Math.round(size.height * scale);
  const mismatch = map !== null && content !== null && map.length !== content.items.length;
  return (
    <div
      ref={boxRef}
      className="pdf-page"
      role="group"
      aria-label={`Page ${label}`}
      data-page-index={index}
      data-ready={textLayer !== null && map !== null}
      style={
        {
          top,
          width,
          height,
          '--total-scale-factor': scale,
        } as CSSProperties
      }
    >
      <div ref={canvasHolder} className="pdf-canvas-holder" />
      <PageHighlights drawn={drawn} hit={hit} selectedClaimId={selectedClaimId} />
      <div ref={layerRef} className="textLayer" data-page={index} />
      {ocr && (
        <button
          type="button"
          className="pdf-ocr-badge"
          title={`Text recognised by OCR (${ocr.languages.join('+')}, ${ocr.version}); underlined words are uncertain. Click to read the scan again in other languages.`}
          onClick={() => props.onOcr(ocr.languages)}
        >
          OCR · {ocr.languages.join('+')}
        </button>
      )}
      {(failed || mismatch) && (
        <p className="pdf-page-problem" role="status">
          {failed
            ? `This page could not be drawn: ${failed}`
            : 'This page’s text does not line up with the imported text, so claims cannot be made or shown here. Use the Text view for this page.'}
        </p>
      )}
    </div>
  );
});
