import { useLayoutEffect, useRef, useState } from 'react';
import type { Block, InlineMark } from '../../../../shared/model';
import { $buildSection } from '../../editor/build';
import { registerReaderDecorations } from '../../editor/nodes';
import { createReaderEditor } from '../../editor/readerEditor';
import type { Highlight, MentionSpan } from './segments';

interface Props {
  text: string;
  blocks: readonly Block[];
  marks: readonly InlineMark[];
  highlights: readonly Highlight[];
  mentions: readonly MentionSpan[];
  /** changes exactly when this section's highlights or mentions change, so other sections are left alone */
  highlightKey: string;
  markers: ReadonlyMap<number, string>;
  selectedClaimId: string | null;
  onError: (error: Error) => void;
}

/** Marks the selected claim's highlights; runs again whenever Lexical re-renders this section. */
function emphasize(root: HTMLElement | null, claimId: string | null): void {
  if (!root) return;
  for (const el of root.querySelectorAll('mark.is-selected')) el.classList.remove('is-selected');
  if (claimId === null) return;
  for (const el of root.querySelectorAll(`mark[data-claims~="${CSS.escape(claimId)}"]`)) {
    el.classList.add('is-selected');
  }
}

/** One section of the document in its own small read-only Lexical editor. */
export function SectionView(props: Props) {
  const {
    text,
    blocks,
    marks,
    highlights,
    mentions,
    highlightKey,
    markers,
    selectedClaimId,
    onError,
  } = props;
  const rootRef = useRef<HTMLDivElement>(null);
  const selectedRef = useRef(selectedClaimId);
  const onErrorRef = useRef(onError);
  onErrorRef.current = onError;
  const [editor] = useState(() => createReaderEditor((e) => onErrorRef.current(e)));

  useLayoutEffect(() => {
    editor.setRootElement(rootRef.current);
    const teardown = registerReaderDecorations(editor, () =>
      emphasize(rootRef.current, selectedRef.current),
    );
    return () => {
      teardown();
      editor.setRootElement(null);
    };
  }, [editor]);

  // rebuild only when this section's text or highlights change; discrete so the DOM is ready for
  // a scroll-to-claim in the same frame
  useLayoutEffect(() => {
    editor.update(() => $buildSection({ text, blocks, marks, highlights, mentions, markers }), {
      discrete: true,
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- highlightKey stands for highlights and mentions
  }, [editor, text, blocks, marks, markers, highlightKey]);

  useLayoutEffect(() => {
    selectedRef.current = selectedClaimId;
    emphasize(rootRef.current, selectedClaimId);
  }, [selectedClaimId]);

  return <div ref={rootRef} className="rd-section-body" />;
}
