import {
  useCallback,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type MouseEvent,
  type ReactNode,
  type Ref,
} from 'react';
import { LIMITS } from '../../../../shared/limits';
import type { Claim, ClaimId, DocumentContent, DocumentSummary } from '../../../../shared/model';
import { documentTitle } from '../../lib/format';
import { excerpt } from '../claims/fields';
import { OcrLanguagesDialog, type OcrTarget } from '../ocr/OcrLanguagesDialog';
import type { ReaderHandle } from '../reader/Reader';
import type { Highlight } from '../reader/segments';
import { SelectionToolbar } from '../reader/SelectionToolbar';
import { useActions } from '../../actions/context';
import {
  CSS_UNITS,
  currentPage,
  fitWidthZoom,
  PAGE_MARGIN,
  pageAtY,
  pagesNear,
  pageTops,
  stepZoom,
} from './layout';
import { pageIndexAt, pagesOfSpan, piecesToSpans } from './pageMap';
import { PageToolbar } from './PageToolbar';
import { PdfPage } from './PdfPage';
import { PdfStatus } from './PdfStatus';
import { pageMaps } from './source';
import { selectionPieces } from './textLayerDom';
import { usePdfDocument } from './usePdfDocument';
import './pdf.css';

interface Props {
  doc: DocumentSummary;
  content: DocumentContent;
  claims: readonly Claim[];
  selectedClaimId: ClaimId | null;
  creating: boolean;
  onSelectClaim: (id: ClaimId) => void;
  onCreateClaim: () => void;
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

  // viewport size and scroll position drive which pages exist
  const [view, setView] = useState({ top: 0, width: 0, height: 0 });
  // the horizontal centre of the view as a fraction of the width, kept for zooming around it
  const xCenter = useRef(0.5);
  const [zoom, setZoom] = useState(1);
  const [fit, setFit] = useState(true);
  useLayoutEffect(() => {
    const scroller = scrollRef.current;
    if (!scroller) return;
    const measure = () => {
      xCenter.current =
        scroller.scrollWidth > scroller.clientWidth
          ? (scroller.scrollLeft + scroller.clientWidth / 2) / scroller.scrollWidth
          : 0.5;
      setView({
        top: scroller.scrollTop,
        width: scroller.clientWidth,
        height: scroller.clientHeight,
      });
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(scroller);
    let frame = 0;
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(measure);
    };
    scroller.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      observer.disconnect();
      scroller.removeEventListener('scroll', onScroll);
      cancelAnimationFrame(frame);
    };
  }, [pdf]);

  const effectiveZoom = fit && view.width > 0 ? fitWidthZoom(sizes, view.width) : zoom;
  const scale = effectiveZoom * CSS_UNITS;
  const tops = useMemo(() => pageTops(sizes, scale), [sizes, scale]);
  const widest = sizes.reduce((w, s) => Math.max(w, Math.round(s.width * scale)), 0);

  // keep the reader's place when the zoom or the page sizes change: same page, same fraction of it
  const lastTops = useRef<number[] | null>(null);
  useLayoutEffect(() => {
    const scroller = scrollRef.current;
    const before = lastTops.current;
    lastTops.current = tops;
    if (!scroller || !before || before === tops || before.length !== tops.length) return;
    const y = scroller.scrollTop;
    const p = pageAtY(before, y);
    const fraction = (y - before[p]!) / Math.max(1, before[p + 1]! - before[p]!);
    scroller.scrollTop = tops[p]! + fraction * (tops[p + 1]! - tops[p]!);
    scroller.scrollLeft = xCenter.current * scroller.scrollWidth - scroller.clientWidth / 2;
  }, [tops]);

  const current = count > 0 ? currentPage(tops, view.top, view.height) : 0;
  const near = pagesNear(tops, view.top, view.height || 800, 1);

  // pages holding the text selection stay rendered, or the selection would vanish with them
  const [pinned, setPinned] = useState<readonly number[]>([]);
  useEffect(() => {
    const onChange = () => {
      const area = areaRef.current;
      const selection = window.getSelection();
      if (!area || !selection || selection.isCollapsed || selection.rangeCount === 0) {
        setPinned((p) => (p.length === 0 ? p : []));
        return;
      }
      const range = selection.getRangeAt(0);
      const hit = [...area.querySelectorAll<HTMLElement>('.pdf-page')]
        .filter((el) => range.intersectsNode(el))
        .map((el) => Number(el.dataset.pageIndex));
      setPinned((p) => (p.join() === hit.join() ? p : hit));
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, []);

  // a pending scroll to something drawn on a page: a claim's highlight, or the shown passage
  const [reveal, setReveal] = useState<{ page: number; target: string } | null>(null);
  const [passage, setPassage] = useState<{ start: number; end: number } | null>(null);
  const revealRef = useRef(reveal);
  const shown = useMemo(() => {
    const set = new Set<number>();
    for (let i = near.first; i <= near.last; i++) set.add(i);
    for (const p of pinned) if (p < count) set.add(p);
    if (reveal && reveal.page < count) set.add(reveal.page);
    return [...set].sort((a, b) => a - b);
  }, [near.first, near.last, pinned, reveal, count]);

  const highlightsByPage = useMemo(() => {
    const byPage = new Map<number, { list: Highlight[]; key: string }>();
    for (const c of claims) {
      for (const s of c.spans) {
        for (const p of pagesOfSpan(content.pages, s)) {
          let entry = byPage.get(p);
          if (!entry) byPage.set(p, (entry = { list: [], key: '' }));
          entry.list.push({ claimId: c.id, start: s.start, end: s.end });
        }
      }
    }
    for (const entry of byPage.values()) {
      entry.key = entry.list.map((h) => `${h.claimId}:${h.start}-${h.end}`).join(',');
    }
    return byPage;
  }, [claims, content.pages]);
  const claimsById = useMemo(() => new Map(claims.map((c) => [c.id as string, c])), [claims]);

  const goToPage = useCallback(
    (index: number) => {
      const scroller = scrollRef.current;
      if (!scroller || count === 0) return;
      const i = Math.max(0, Math.min(count - 1, index));
      scroller.scrollTop = tops[i]! - PAGE_MARGIN / 2;
    },
    [tops, count],
  );

  // open where the text view was
  const startOffset = useRef(props.startOffset);
  useLayoutEffect(() => {
    if (!pdf || startOffset.current === null || view.width === 0) return;
    goToPage(pageIndexAt(content.pages, startOffset.current));
    startOffset.current = null;
  }, [pdf, view.width, goToPage, content.pages]);

  /** Scrolls a pending reveal's highlight into view once its page has drawn it. */
  const tryReveal = useCallback((): boolean => {
    const scroller = scrollRef.current;
    const r = revealRef.current;
    if (!scroller || !r) return false;
    const pageEl = scroller.querySelector<HTMLElement>(`.pdf-page[data-page-index="${r.page}"]`);
    if (!pageEl || pageEl.dataset.ready !== 'true') return false;
    const marks = [...pageEl.querySelectorAll<HTMLElement>(r.target)];
    if (marks[0]) {
      const box = scroller.getBoundingClientRect();
      const rect = marks[0].getBoundingClientRect();
      scroller.scrollTop += rect.top - box.top - box.height / 3;
      for (const m of marks) {
        m.classList.remove('is-flashing');
        void m.offsetWidth; // restart the animation when the same claim is revealed twice
        m.classList.add('is-flashing');
        m.addEventListener('animationend', () => m.classList.remove('is-flashing'), {
          once: true,
        });
      }
    }
    revealRef.current = null;
    setReveal(null);
    return true;
  }, []);
  const onDrawn = useCallback(
    (index: number) => {
      if (revealRef.current?.page === index) tryReveal();
    },
    [tryReveal],
  );
  // the OCR badge of a scanned page: read the document's scans again (its own stable callback,
  // so the memoised pages do not redraw)
  const [ocrTarget, setOcrTarget] = useState<OcrTarget | null>(null);
  const onOcr = useCallback(
    (languages: string[]) =>
      setOcrTarget({ kind: 'document', id: doc.id, title: documentTitle(doc), languages }),
    [doc],
  );

  const revealOn = useCallback(
    (page: number, target: string) => {
      const r = { page, target };
      revealRef.current = r;
      setReveal(r);
      const pageEl = scrollRef.current?.querySelector(`.pdf-page[data-page-index="${page}"]`);
      if (!pageEl) goToPage(page);
      // a page already on screen has drawn everything: the next frame can scroll to it
      requestAnimationFrame(() => tryReveal());
    },
    [goToPage, tryReveal],
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
    [effectiveZoom],
  );

  // keys of the page view, in the reader's scope: the lists beside it keep their own Page Up/Down
  useActions([
    {
      id: 'pdf.zoomIn',
      label: 'Zoom the PDF pages in',
      keys: ['Mod+=', 'Mod+Plus'],
      scope: 'reader',
      perform: () => zoomBy(1),
    },
    {
      id: 'pdf.zoomOut',
      label: 'Zoom the PDF pages out',
      keys: ['Mod+-', 'Mod+_'],
      scope: 'reader',
      perform: () => zoomBy(-1),
    },
    {
      id: 'pdf.fitWidth',
      label: 'Fit the PDF pages to the width',
      keys: ['Mod+0'],
      scope: 'reader',
      perform: () => setFit(true),
    },
    {
      id: 'pdf.nextPage',
      label: 'Next page of the PDF',
      keys: ['PageDown'],
      scope: 'document',
      perform: () => goToPage(current + 1),
    },
    {
      id: 'pdf.previousPage',
      label: 'Previous page of the PDF',
      keys: ['PageUp'],
      scope: 'document',
      perform: () => goToPage(current - 1),
    },
  ]);

  // Ctrl + wheel zooms the pages, not the whole app
  useEffect(() => {
    const scroller = scrollRef.current;
    if (!scroller) return;
    const onWheel = (e: WheelEvent) => {
      if (!e.ctrlKey && !e.metaKey) return;
      e.preventDefault();
      if (Math.abs(e.deltaY) >= 1) zoomBy(e.deltaY < 0 ? 1 : -1);
    };
    scroller.addEventListener('wheel', onWheel, { passive: false });
    return () => scroller.removeEventListener('wheel', onWheel);
  }, [zoomBy, pdf]);

  const claimsAt = (x: number, y: number): string[] => {
    const ids = new Set<string>();
    for (const el of document.elementsFromPoint(x, y)) {
      if (el instanceof HTMLElement && el.classList.contains('pdf-hl')) {
        for (const id of (el.dataset.claims ?? '').split(' ')) if (claimsById.has(id)) ids.add(id);
      }
    }
    return [...ids];
  };

  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    const selection = window.getSelection();
    if (selection && !selection.isCollapsed) return; // the user is selecting text, not clicking
    const ids = claimsAt(e.clientX, e.clientY);
    if (ids.length === 0) return;
    // clicking overlapping highlights cycles through their claims, the most specific first
    const byLength = ids.sort(
      (a, b) => claimLength(claimsById.get(a)!) - claimLength(claimsById.get(b)!),
    );
    const at = selectedClaimId ? byLength.indexOf(selectedClaimId) : -1;
    onSelectClaim(byLength[(at + 1) % byLength.length] as ClaimId);
  };

  // highlights sit under the text layer (which must get the mouse, for selecting): show that a
  // claim is under the pointer with the cursor and a tooltip on the text span
  const hoverFrame = useRef(0);
  const onMouseMove = (e: MouseEvent<HTMLDivElement>) => {
    if (e.buttons !== 0) return;
    const { clientX, clientY } = e;
    const target = e.target as HTMLElement;
    cancelAnimationFrame(hoverFrame.current);
    hoverFrame.current = requestAnimationFrame(() => {
      const ids = claimsAt(clientX, clientY);
      scrollRef.current?.classList.toggle('is-over-claim', ids.length > 0);
      if (target.closest('.textLayer')) {
        target.title =
          ids.length === 0
            ? ''
            : `${ids.length > 1 ? `${ids.length} claims` : 'Claim'} (click to select):\n` +
              ids.map((id) => `• ${excerpt(claimsById.get(id)!.statement, 140)}`).join('\n');
      }
    });
  };

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
              const hl = highlightsByPage.get(i);
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
      <SelectionToolbar
        scrollRef={scrollRef}
        onCreate={props.onCreateClaim}
        busy={props.creating}
      />
    </main>
  );
}

const claimLength = (c: Claim) => c.spans.reduce((n, s) => n + s.end - s.start, 0);
