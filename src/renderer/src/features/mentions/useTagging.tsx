import { useCallback, useEffect, useState, type RefObject } from 'react';
import type { Input } from '../../../../shared/api';
import type { Claim, DocumentId } from '../../../../shared/model';
import { invoke } from '../../api';
import type { EntityRef } from '../entities/options';
import type { EntityStore } from '../entities/store';
import type { ReaderHandle } from '../reader/Reader';
import { TagPopover, type Anchor, type ClaimFields } from './TagPopover';

interface Pending {
  mode: 'claim' | 'mention';
  documentId: DocumentId;
  spans: { start: number; end: number }[];
  quote: string;
  at: Anchor;
  /** the selection as it was, given back on Escape (to press the other key, or extend it) */
  range: Range;
}

interface Options {
  /** the app's entity store (this hook runs in the component that provides it) */
  store: EntityStore;
  readerRef: RefObject<ReaderHandle | null>;
  documentId: DocumentId | null;
  onClaimCreated: (claim: Claim) => void;
  onMentionCreated: (entityName: string) => void;
  onError: (message: string) => void;
}

/** Painted over the tagged passage while the popover has the focus (and the selection is gone). */
const PENDING = 'claimdesk-pending';

function paintPending(range: Range | null): void {
  if (typeof Highlight !== 'function' || !CSS.highlights) return;
  if (range) CSS.highlights.set(PENDING, new Highlight(range));
  else CSS.highlights.delete(PENDING);
}

/**
 * The keyboard tagging flow: `start('claim')` (C) or `start('mention')` (E) takes the reader's
 * selection and opens the popover there; Enter writes through the backend, Escape leaves no trace.
 */
export function useTagging({
  store,
  readerRef,
  documentId,
  onClaimCreated,
  onMentionCreated,
  onError,
}: Options) {
  const [pending, setPending] = useState<Pending | null>(null);

  const close = useCallback(() => {
    setPending(null);
    paintPending(null);
  }, []);

  // another document, another passage: a popover left open would tag the wrong text
  useEffect(close, [documentId, close]);

  const start = useCallback(
    (mode: Pending['mode']): boolean => {
      const spans = readerRef.current?.selectionSpans() ?? null;
      const selection = window.getSelection();
      if (!documentId || !spans || !selection || selection.rangeCount === 0) return false;
      const range = selection.getRangeAt(0).cloneRange();
      const rects = range.getClientRects();
      const box = rects[rects.length - 1] ?? range.getBoundingClientRect();
      const first = rects[0] ?? box;
      paintPending(range);
      setPending({
        mode,
        documentId,
        spans,
        quote: selection.toString(),
        at: { top: first.top, bottom: box.bottom, left: first.left },
        range,
      });
      return true;
    },
    [readerRef, documentId],
  );

  const finish = () => {
    close();
    readerRef.current?.clearSelection();
    // back to the text, ready for the next passage
    document
      .querySelector<HTMLElement>('main.reader .reader-scroll, .pdf-scroll')
      ?.focus({ preventScroll: true });
  };

  const saveClaim = async (fields: ClaimFields) => {
    if (!pending) return;
    const claim = await invoke('claims.create', {
      documentId: pending.documentId,
      spans: pending.spans,
    });
    const patch: Input<'claims.update'>['patch'] = {};
    if (fields.claimant) patch.claimantId = fields.claimant.id;
    if (fields.subjects.length) patch.subjectIds = fields.subjects.map((s) => s.id);
    if (fields.type) patch.type = fields.type;
    if (fields.certainty) patch.certainty = fields.certainty;
    if (fields.eventDate) patch.eventDate = fields.eventDate;
    let saved = claim;
    if (Object.keys(patch).length > 0) {
      try {
        saved = await invoke('claims.update', { id: claim.id, patch });
      } catch (e) {
        // the claim exists; say what did not stick, and let the side panel fix it
        onError(`The claim was created, but its fields were not saved: ${(e as Error).message}`);
      }
    }
    finish();
    onClaimCreated(saved);
    if (fields.claimant || fields.subjects.length) store.changed('counts');
  };

  const saveMention = async (entity: EntityRef) => {
    if (!pending) return;
    const span = pending.spans[0]!;
    await invoke('mentions.create', {
      documentId: pending.documentId,
      entityId: entity.id,
      start: span.start,
      end: span.end,
    });
    finish();
    store.changed();
    onMentionCreated(entity.name);
  };

  const cancel = () => {
    const range = pending?.range;
    close();
    if (!range?.startContainer.isConnected) return;
    // the focus leaves the popover for the text, and the selection comes back as it was
    document
      .querySelector<HTMLElement>('main.reader .reader-scroll, .pdf-scroll')
      ?.focus({ preventScroll: true });
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
  };

  const popover = pending ? (
    <TagPopover
      key={`${pending.mode}:${pending.spans[0]?.start}`}
      mode={pending.mode}
      at={pending.at}
      quote={pending.quote}
      onSaveClaim={saveClaim}
      onSaveMention={saveMention}
      onCancel={cancel}
    />
  ) : null;

  return { start, popover, isOpen: pending !== null };
}
