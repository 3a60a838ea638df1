import { ReaderCaret, useCaretActions } from './ReaderCaret';
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
import type { MentionInfo } from '../../../../shared/api-entities';
import type { Claim, ClaimId, DocumentContent, DocumentSummary } from '../../../../shared/model';
import { describeHover, type EntityName } from '../mentions/hover';
import { ReaderHeader } from './ReaderHeader';
import { SectionView } from './SectionView';
import { listMarkers } from './segments';
import { sectionHighlights } from './sectionHighlights';
import {
  bucketBySection,
  estimateSectionHeight,
  sectionIndexAt,
  splitIntoSections,
} from './sections';
import { clearPassage, showPassage } from './passage';
import { selectionSpanIn } from './selection';
import { SelectionToolbar } from './SelectionToolbar';
import { useSectionMounting } from './useSectionMounting';

export interface ReaderHandle {
  /** Scrolls to a claim's first passage (mounting its section first) and flashes it. */
  revealClaim(claim: Claim): void;
  /**
   * Scrolls to a passage (canonical offsets, e.g. a search hit) and highlights it until the next
   * reveal. Optional: the app falls back to a plainer scroll in views that lack it.
   */
  revealRange?(start: number, end: number): void;
  /** The selected passage as canonical offsets, or null. */
  selectionSpan(): { start: number; end: number } | null;
  /** The selection as the passages a claim should hold (the page view may find several). */
  selectionSpans(): { start: number; end: number }[] | null;
  clearSelection(): void;
  /** Canonical offset of the text at the top of the view (to keep one's place across views). */
  visibleOffset(): number | null;
  /** Scrolls so that the text at this canonical offset is in view. */
  revealOffset(offset: number): void;
}

interface Props {
  doc: DocumentSummary;
  content: DocumentContent;
  claims: readonly Claim[];
  selectedClaimId: ClaimId | null;
  onSelectClaim: (id: ClaimId) => void;
  /** the open document's entity mentions, underlined by kind */
  mentions?: readonly MentionInfo[];
  /** names of claimants and subjects, for the hover summary */
  entityName?: (id: string) => EntityName | undefined;
  onError: (message: string) => void;
  /** controls shown in the header (the PDF view switch) */
  headerActions?: ReactNode;
  ref?: Ref<ReaderHandle>;
}

export function Reader(props: Props) {
  const { doc, content, claims, selectedClaimId, onSelectClaim, onError } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const docRef = useRef<HTMLDivElement>(null);
  useCaretActions({ doc: docRef, scroller: scrollRef });

  const sections = useMemo(() => splitIntoSections(content.blocks, content.pages), [content]);
  const markers = useMemo(() => {
    const map = new Map<number, string>();
    listMarkers(content.blocks).forEach(
      (m, i) => m !== null && map.set(content.blocks[i]!.start, m),
    );
    return map;
  }, [content]);
  const marksBySection = useMemo(
    () => bucketBySection(sections, content.marks),
    [sections, content],
  );
  const mentions = props.mentions ?? NO_MENTIONS;
  const highlightsBySection = useMemo(
    () => sectionHighlights(sections, claims, mentions),
    [sections, claims, mentions],
  );
  const claimsById = useMemo(() => new Map(claims.map((c) => [c.id as string, c])), [claims]);
  const mentionsById = useMemo(() => new Map(mentions.map((m) => [m.id as string, m])), [mentions]);

  const { mounted, heights, ensureMounted } = useSectionMounting(scrollRef, sections);
  // a highlighted search hit belongs to this document only
  useEffect(() => clearPassage, [doc.id]);
  const reportError = useCallback(
    (e: Error) => onError(`The reader could not display part of this document: ${e.message}`),
    [onError],
  );

  // scroll-to-claim waits for its section to be mounted and rendered by Lexical
  const [reveal, setReveal] = useState<Reveal | null>(null);
  useLayoutEffect(() => {
    if (!reveal || !docRef.current) return;
    const index = sectionIndexAt(sections, reveal.offset);
    const slot = docRef.current.querySelector<HTMLElement>(`[data-section="${index}"]`);
    if (!slot || slot.dataset.mounted !== 'true') return;
    const blocks = [...slot.querySelectorAll<HTMLElement>('[data-start]')];
    const block = blocks.findLast((b) => Number(b.dataset.start) <= reveal.offset) ?? blocks[0];
    if (reveal.claimId === null) {
      if (block && scrollRef.current) {
        showPassage(docRef.current, scrollRef.current, block, reveal.offset, reveal.end);
      }
      setReveal(null);
      return;
    }
    const marks = [
      ...slot.querySelectorAll<HTMLElement>(`mark[data-claims~="${CSS.escape(reveal.claimId)}"]`),
    ];
    (marks[0] ?? block ?? slot).scrollIntoView({ block: 'center', behavior: 'auto' });
    for (const m of docRef.current.querySelectorAll<HTMLElement>(
      `mark[data-claims~="${CSS.escape(reveal.claimId)}"]`,
    )) {
      m.classList.remove('is-flashing');
      void m.offsetWidth; // restart the animation when the same claim is revealed twice
      m.classList.add('is-flashing');
      m.addEventListener('animationend', () => m.classList.remove('is-flashing'), { once: true });
    }
    setReveal(null);
  }, [reveal, mounted, sections]);

  useImperativeHandle(
    props.ref,
    () => ({
      revealClaim(claim) {
        const offset = claim.spans[0]?.start ?? 0;
        const index = sectionIndexAt(sections, offset);
        ensureMounted([index - 1, index, index + 1].filter((i) => i >= 0 && i < sections.length));
        setReveal((r) => ({ offset, end: offset, claimId: claim.id, tick: (r?.tick ?? 0) + 1 }));
      },
      revealRange(start, end) {
        const index = sectionIndexAt(sections, start);
        ensureMounted([index - 1, index, index + 1].filter((i) => i >= 0 && i < sections.length));
        setReveal((r) => ({ offset: start, end, claimId: null, tick: (r?.tick ?? 0) + 1 }));
      },
      selectionSpan: () => (docRef.current ? selectionSpanIn(docRef.current, content.text) : null),
      selectionSpans: () => {
        const span = docRef.current ? selectionSpanIn(docRef.current, content.text) : null;
        return span ? [span] : null;
      },
      clearSelection: () => window.getSelection()?.removeAllRanges(),
      visibleOffset: () => {
        const scroller = scrollRef.current;
        if (!scroller) return null;
        const top = scroller.getBoundingClientRect().top;
        const block = [...scroller.querySelectorAll<HTMLElement>('[data-start]')].find(
          (b) => b.getBoundingClientRect().bottom > top,
        );
        return block ? Number(block.dataset.start) : null;
      },
      revealOffset(offset) {
        // no highlight, no flash: this only keeps the reader's place (switching from the pages)
        const index = sectionIndexAt(sections, offset);
        ensureMounted([index - 1, index, index + 1].filter((i) => i >= 0 && i < sections.length));
        const scrollTo = () => {
          const slot = docRef.current?.querySelector<HTMLElement>(`[data-section="${index}"]`);
          const blocks = slot ? [...slot.querySelectorAll<HTMLElement>('[data-start]')] : [];
          const block = blocks.findLast((b) => Number(b.dataset.start) <= offset) ?? slot;
          block?.scrollIntoView({ block: 'start', behavior: 'auto' });
        };
        scrollTo();
        requestAnimationFrame(scrollTo);
      },
    }),
    [sections, content, ensureMounted],
  );

  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    const target = e.target as HTMLElement;
    // links are shown (title = target), never followed from the reader
    if (target.closest('a')) e.preventDefault();
    const selection = window.getSelection();
    if (selection && !selection.isCollapsed) return; // the user is selecting text, not clicking
    const mark = target.closest<HTMLElement>('mark[data-claims]');
    if (!mark) return;
    const ids = (mark.dataset.claims ?? '').split(' ').filter((id) => claimsById.has(id));
    if (ids.length === 0) return;
    // clicking overlapping highlights cycles through their claims, the most specific first
    const byLength = [...ids].sort(
      (a, b) => claimLength(claimsById.get(a)!) - claimLength(claimsById.get(b)!),
    );
    const current = selectedClaimId ? byLength.indexOf(selectedClaimId) : -1;
    onSelectClaim(byLength[(current + 1) % byLength.length] as ClaimId);
  };

  const entityName = props.entityName ?? noEntity;
  const onMouseOver = (e: MouseEvent<HTMLDivElement>) =>
    describeHover(e.target as HTMLElement, claimsById, mentionsById, entityName);

  return (
    <main className="pane reader" aria-label="Reader" data-scope="document">
      <ReaderHeader doc={doc} claimCount={claims.length}>
        {props.headerActions}
      </ReaderHeader>
      <div className="reader-scroll" ref={scrollRef} tabIndex={0} aria-label="Document text">
        <ReaderCaret doc={docRef} scroller={scrollRef} />
        {sections.length === 0 ? (
          <p className="reader-empty">
            This document has no text to show.
            {doc.warnings.length > 0 ? ` The import said: ${doc.warnings.join(' ')}` : ''}
          </p>
        ) : (
          <div
            ref={docRef}
            className="rd-doc"
            lang={doc.meta.language ?? undefined}
            onClick={onClick}
            onAuxClick={(e) => (e.target as HTMLElement).closest('a') && e.preventDefault()}
            onMouseOver={onMouseOver}
          >
            {sections.map((s, i) => {
              const isMounted = mounted.has(i);
              const newPage = s.pageLabel !== null && sections[i - 1]?.pageLabel !== s.pageLabel;
              return (
                <section
                  key={`${doc.id}:${i}`}
                  className="rd-section"
                  data-section={i}
                  data-mounted={isMounted}
                  style={
                    isMounted
                      ? undefined
                      : { height: heights.current.get(i) ?? estimateSectionHeight(s) }
                  }
                >
                  {newPage && (
                    <div className="rd-page" role="separator" aria-label={`Page ${s.pageLabel}`}>
                      <span>p. {s.pageLabel}</span>
                    </div>
                  )}
                  {isMounted && (
                    <SectionView
                      text={content.text}
                      blocks={s.blocks}
                      marks={marksBySection[i]!}
                      highlights={highlightsBySection[i]!.list}
                      mentions={highlightsBySection[i]!.mentions}
                      highlightKey={highlightsBySection[i]!.key}
                      markers={markers}
                      selectedClaimId={selectedClaimId}
                      onError={reportError}
                    />
                  )}
                </section>
              );
            })}
          </div>
        )}
      </div>
      <SelectionToolbar scrollRef={scrollRef} withMention />
    </main>
  );
}

const NO_MENTIONS: readonly MentionInfo[] = [];
const noEntity = () => undefined;

const claimLength = (c: Claim) => c.spans.reduce((n, s) => n + s.end - s.start, 0);

/** A pending scroll: to a claim (flash its marks) or, with claimId null, to a passage [offset, end). */
interface Reveal {
  offset: number;
  end: number;
  claimId: string | null;
  tick: number;
}
