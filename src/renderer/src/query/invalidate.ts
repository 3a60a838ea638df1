/**
 * What each kind of write changes, as query keys to invalidate: the one place that knows that a new
 * claim changes the document list's counts, the table and the entity pages. Mutations call these in
 * their onSuccess.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { DocumentId } from '../../../shared/model';
import { everyQueryOf, keys } from './keys';

/** A claim was created, edited, deleted or linked: its document's claims and everything counting them. */
export function claimsChanged(qc: QueryClient, documentId?: DocumentId): Promise<void> {
  return all([
    qc.invalidateQueries(
      documentId ? { queryKey: keys.claims(documentId) } : everyQueryOf('claims'),
    ),
    qc.invalidateQueries(everyQueryOf('table')),
    qc.invalidateQueries({ queryKey: keys.documents() }),
    qc.invalidateQueries({ queryKey: keys.entities() }),
    qc.invalidateQueries(everyQueryOf('entity')),
    qc.invalidateQueries(everyQueryOf('relations')),
    qc.invalidateQueries({ queryKey: keys.history() }),
  ]);
}

/** Entities, their names or mentions changed (create, rename, merge, accept a suggestion…). */
export function entitiesChanged(qc: QueryClient): Promise<void> {
  return all([
    qc.invalidateQueries({ queryKey: keys.entities() }),
    qc.invalidateQueries({ queryKey: keys.vocabulary() }),
    qc.invalidateQueries(everyQueryOf('entity')),
    qc.invalidateQueries(everyQueryOf('entitySearch')),
    qc.invalidateQueries(everyQueryOf('mentions')),
    qc.invalidateQueries(everyQueryOf('suggestions')),
    qc.invalidateQueries(everyQueryOf('relations')),
    qc.invalidateQueries(everyQueryOf('table')),
    // claims carry their claimant's and subjects' names
    qc.invalidateQueries(everyQueryOf('claims')),
    qc.invalidateQueries({ queryKey: keys.history() }),
  ]);
}

/** Documents were imported or their metadata edited. */
export function documentsChanged(qc: QueryClient): Promise<void> {
  return all([
    qc.invalidateQueries({ queryKey: keys.documents() }),
    qc.invalidateQueries(everyQueryOf('document')),
    qc.invalidateQueries(everyQueryOf('suggestions')),
  ]);
}

/** Undo, redo, a restored backup or bundle: anything may have changed. */
export function everythingChanged(qc: QueryClient): Promise<void> {
  return qc.invalidateQueries();
}

const all = (promises: Promise<void>[]) => Promise.all(promises).then(() => undefined);
