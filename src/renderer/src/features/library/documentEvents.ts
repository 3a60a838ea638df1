import type { DocumentSummary } from '../../../../shared/model';

const EVENT = 'claimdesk:document-updated';

/** Tells the workspace a document's summary changed (its metadata was edited). */
export function announceDocument(doc: DocumentSummary): void {
  window.dispatchEvent(new CustomEvent<DocumentSummary>(EVENT, { detail: doc }));
}

/** Calls `handler` with each announced summary; returns the unsubscribe function. */
export function onDocumentUpdated(handler: (doc: DocumentSummary) => void): () => void {
  const listener = (e: Event) => handler((e as CustomEvent<DocumentSummary>).detail);
  window.addEventListener(EVENT, listener);
  return () => window.removeEventListener(EVENT, listener);
}
