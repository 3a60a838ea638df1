import { useCallback, useEffect, useState, type RefObject } from 'react';
import type { Claim, DocumentId } from '../../../../shared/model';
import { invoke } from '../../api';
import { spansToPoints } from '../../offsets';
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
  /** the open document's text: the selection is sent in the API's code points (offsets.ts) */
  text: string;
  onClaimCreated: (claim: Claim) => void;
  onMentionCreated: (entityName: string) => void;
}

/** The entities a gesture created on the way (unique: a new claimant may also be a subject). */
const createdIds = (refs: EntityRef[]) => [
  ...new Set(refs.filter((e) => e.created).map((e) => e.id)),
];

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
  text,
  onClaimCreated,
  onMentionCreated,
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

  // one call, one transaction, one undo step: the claim with every field, and the entities that
  // were created for it in the popover (a refusal leaves nothing behind but those entities)
  const saveClaim = async (fields: ClaimFields) => {
    if (!pending) return;
    const picked = [fields.claimant, ...fields.subjects].filter((e): e is EntityRef => !!e);
    const saved = await invoke('claims.create', {
      documentId: pending.documentId,
      spans: spansToPoints(pending.spans, text),
      ...(fields.claimant ? { claimantId: fields.claimant.id } : {}),
      ...(fields.subjects.length ? { subjectIds: fields.subjects.map((s) => s.id) } : {}),
      ...(fields.type ? { type: fields.type } : {}),
      ...(fields.certainty ? { certainty: fields.certainty } : {}),
      ...(fields.eventDate ? { eventDate: fields.eventDate } : {}),
      createdEntityIds: createdIds(picked),
    });
    finish();
    onClaimCreated(saved);
    if (fields.claimant || fields.subjects.length) store.changed('counts');
  };

  const saveMention = async (entity: EntityRef) => {
    if (!pending) return;
    const [span] = spansToPoints(pending.spans.slice(0, 1), text);
    if (!span) return;
    await invoke('mentions.create', {
      documentId: pending.documentId,
      entityId: entity.id,
      start: span.start,
      end: span.end,
      createdEntityIds: createdIds([entity]),
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
