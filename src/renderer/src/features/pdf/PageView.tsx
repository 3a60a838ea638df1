import {
  useCallback,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
  type Ref,
} from 'react';
import { LIMITS } from '../../../../shared/limits';
import type { Claim, ClaimId, DocumentContent, DocumentSummary } from '../../../../shared/model';
import { documentTitle } from '../../lib/format';
import { OcrLanguagesDialog, type OcrTarget } from '../ocr/OcrLanguagesDialog';
import type { ReaderHandle } from '../reader/Reader';
import type { Highlight } from '../reader/segments';
import { SelectionToolbar } from '../reader/SelectionToolbar';
import { highlightsByPage } from './claimHighlights';
import { PAGE_MARGIN, stepZoom } from './layout';
import { pageIndexAt, piecesToSpans } from './pageMap';
import { PageToolbar } from './PageToolbar';
import { PdfPage } from './PdfPage';
import { PdfStatus } from './PdfStatus';
import { pageMaps } from './source';
import { selectionPieces } from './textLayerDom';
import { useClaimPointer } from './useClaimPointer';
import { usePageGeometry } from './usePageGeometry';
import { usePageKeys } from './usePageKeys';
import { usePdfDocument } from './usePdfDocument';
import { useReveal } from './useReveal';
import { useSelectedPages } from './useSelectedPages';
import './pdf.css';

interface Props {
  doc: DocumentSummary;
  content: DocumentContent;
  claims: readonly Claim[];
  selectedClaimId: ClaimId | null;
  onSelectClaim: (id: ClaimId) => void;
  onError: (message: string) => void;
  /** the reader header (title, view switch), shared with the text view */
  header: ReactNode;
  /** canonical offset to open at (where the text view was), or null for the first page */
  startOffset: number | null;
  /** offers the text view when pages cannot be shown */
  onShowText: () => void;
  ref?: Ref<ReaderHandle>;
}

const EMPTY: readonly Highlight[] = [];
/** Passwords that opened a PDF, in memory only, so that the pages open again until the app quits. */
const unlocked = new Map<string, string>();

/**
 * The page view of a PDF: the real pages (canvas + text layer), page navigation and zoom, with
 * every claim highlighted on its pages. Only pages near the viewport exist in the DOM, so a
 * 1,000-page PDF opens as fast as a 10-page one and holds a handful of canvases.
 */
export function PageView(props: Props) {
  const { doc, content, claims, selectedClaimId, onSelectClaim, onError } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const areaRef = useRef<HTMLDivElement>(null);
  const [password, setPassword] = useState(() => unlocked.get(doc.id) ?? null);
  const state = usePdfDocument(doc.id, password);
  useEffect(() => {
    if (state.status === 'ready' && password !== null) unlocked.set(doc.id, password);
  }, [state.status, password, doc.id]);
  const maps = useMemo(() => pageMaps(doc.id, content.text), [doc.id, content.text]);

  const pdf = state.status === 'ready' ? state.pdf : null;
  const sizes = useMemo(() => (state.status === 'ready' ? state.sizes : []), [state]);
  const count = sizes.length;
  const labels = useMemo(
    () => Array.from({ length: count }, (_, i) => content.pages[i]?.label ?? String(i + 1)),
    [content.pages, count],
  );

  const { view, fit, setFit, setZoom, effectiveZoom, scale, tops, widest, current, near } =
    usePageGeometry(scrollRef, sizes, pdf);

  const goToPage = useCallback(
    (index: number) => {
      const scroller = scrollRef.current;
      if (!scroller || count === 0) return;
      const i = Math.max(0, Math.min(count - 1, index));
      scroller.scrollTop = tops[i]! - PAGE_MARGIN / 2;
    },
    [tops, count],
  );
  const { reveal, onDrawn, revealOn } = useReveal(scrollRef, goToPage);
  // the passage shown from a search hit, marked on its pages
  const [passage, setPassage] = useState<{ start: number; end: number } | null>(null);

  // the pages that exist: those near the viewport, those holding the selection, a pending reveal's
  const pinned = useSelectedPages(areaRef);
  const shown = useMemo(() => {
    const set = new Set<number>();
    for (let i = near.first; i <= near.last; i++) set.add(i);
    for (const p of pinned) if (p < count) set.add(p);
    if (reveal && reveal.page < count) set.add(reveal.page);
    return [...set].sort((a, b) => a - b);
  }, [near.first, near.last, pinned, reveal, count]);

  const highlights = useMemo(
    () => highlightsByPage(claims, content.pages),
    [claims, content.pages],
  );

  // open where the text view was
  const startOffset = useRef(props.startOffset);
  useLayoutEffect(() => {
    if (!pdf || startOffset.current === null || view.width === 0) return;
    goToPage(pageIndexAt(content.pages, startOffset.current));
    startOffset.current = null;
  }, [pdf, view.width, goToPage, content.pages]);

  // the OCR badge of a scanned page: read the document's scans again (its own stable callback,
  // so the memoised pages do not redraw)
  const [ocrTarget, setOcrTarget] = useState<OcrTarget | null>(null);
  const onOcr = useCallback(
    (languages: string[]) =>
      setOcrTarget({ kind: 'document', id: doc.id, title: documentTitle(doc), languages }),
    [doc],
  );

  const selectionSpans = useCallback(() => {
    const area = areaRef.current;
    const pieces = area ? selectionPieces(area) : null;
    if (!pieces) return null;
    return piecesToSpans(pieces, (p) => maps.peek(p), content.text, LIMITS.maxSpans);
  }, [maps, content.text]);

  useImperativeHandle(
    props.ref,
    () => ({
      revealClaim(claim) {
        const offset = claim.spans[0]?.start ?? 0;
        const page = pageIndexAt(content.pages, offset);
        revealOn(page, `.pdf-hl[data-claims~="${CSS.escape(claim.id)}"]`);
      },
      revealRange(start, end) {
        setPassage({ start, end });
        revealOn(pageIndexAt(content.pages, start), '.pdf-hit');
      },
      selectionSpan() {
        const spans = selectionSpans();
        return spans ? { start: spans[0]!.start, end: spans.at(-1)!.end } : null;
      },
      selectionSpans,
      clearSelection: () => window.getSelection()?.removeAllRanges(),
      visibleOffset() {
        return content.pages[current]?.start ?? null;
      },
      revealOffset(offset) {
        goToPage(pageIndexAt(content.pages, offset));
      },
    }),
    [content.pages, goToPage, revealOn, selectionSpans, current],
  );

  const zoomBy = useCallback(
    (dir: 1 | -1) => {
      setZoom(stepZoom(effectiveZoom, dir));
      setFit(false);
    },
    [effectiveZoom, setZoom, setFit],
  );
  usePageKeys(scrollRef, {
    zoomBy,
    fitWidth: () => setFit(true),
    goToPage,
    current,
    remeasureOn: pdf,
  });
  const { onClick, onMouseMove } = useClaimPointer(
    scrollRef,
    claims,
    selectedClaimId,
    onSelectClaim,
  );

  return (
    <main className="pane reader pdf-reader" aria-label="Reader" data-scope="document">
      {props.header}
      {pdf && (
        <PageToolbar
          current={current}
          count={count}
          labels={labels}
          zoom={effectiveZoom}
          fit={fit}
          onGo={(index, fromBox) => {
            goToPage(index);
            if (fromBox) scrollRef.current?.focus({ preventScroll: true });
          }}
          onZoom={zoomBy}
          onFitWidth={() => setFit(true)}
        />
      )}
      <div
        className="pdf-scroll"
        ref={scrollRef}
        tabIndex={0}
        aria-label="Pages"
        onClick={onClick}
        onMouseMove={onMouseMove}
      >
        {state.status !== 'ready' ? (
          <PdfStatus
            state={state}
            onPassword={setPassword}
            onShowText={props.onShowText}
            fileName={doc.fileName}
          />
        ) : (
          <div
            ref={areaRef}
            className="pdf-area"
            style={{ height: tops[count], minWidth: widest + 2 * PAGE_MARGIN }}
          >
            {shown.map((i) => {
              const hl = highlights.get(i);
              const page = content.pages[i];
              const onPage =
                passage && page && passage.start < page.end && passage.end > page.start;
              return (
                <PdfPage
                  key={i}
                  pdf={state.pdf}
                  index={i}
                  label={labels[i]!}
                  size={sizes[i]!}
                  scale={scale}
                  top={tops[i]!}
                  maps={maps}
                  highlights={hl?.list ?? EMPTY}
                  highlightKey={hl?.key ?? ''}
                  passage={onPage ? passage : null}
                  selectedClaimId={selectedClaimId}
                  onDrawn={onDrawn}
                  onError={onError}
                  onOcr={onOcr}
                />
              );
            })}
          </div>
        )}
      </div>
      {ocrTarget && <OcrLanguagesDialog target={ocrTarget} onClose={() => setOcrTarget(null)} />}
      <SelectionToolbar scrollRef={scrollRef} />
    </main>
  );
}
