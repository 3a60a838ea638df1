import type { LexicalEditor } from 'lexical';
import type { ClaimCard } from '../../../../shared/api-notebooks';
import type { ClaimId } from '../../../../shared/model';
import type { ClaimSnapshot } from '../../../../shared/notebook-json';

type Live = Extract<ClaimCard, { deleted: false }>;

/**
 * What a claim card shows: the live claim once its card is known (`card`), else the snapshot the
 * node remembers, marked as loading until then. A deleted claim shows that snapshot, marked.
 */
export interface ClaimFace {
  claimId: ClaimId;
  last: ClaimSnapshot;
  /** undefined while the claim's card is being fetched */
  card: ClaimCard | undefined;
}

/**
 * Where an editor's claim nodes find the live cards when they create their element, so a card is
 * drawn once, live, in the reconciliation that creates it. (Drawing it again afterwards touched the
 * editor's DOM outside Lexical's reconciliation: its mutation observer then ran an update that read
 * the DOM selection, forcing a layout of the whole notebook.) ClaimCardsPlugin registers it.
 */
const sources = new WeakMap<LexicalEditor, (id: ClaimId) => ClaimCard | undefined>();

export function registerClaimCardSource(
  editor: LexicalEditor,
  source: (id: ClaimId) => ClaimCard | undefined,
): () => void {
  sources.set(editor, source);
  return () => sources.delete(editor);
}

export const liveClaimCard = (editor: LexicalEditor, id: ClaimId) => sources.get(editor)?.(id);

export function snapshotOf(card: Live): ClaimSnapshot {
  return {
    documentId: card.documentId,
    statement: card.statement,
    quote: card.quote,
    documentTitle: card.documentTitle,
    pages: card.pages,
  };
}

const el = (tag: string, className: string, text?: string) => {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
};

/**
 * Draws a claim card into the claim node's element (`host`, made non-editable by Lexical): its
 * quote, source, pages and grade, as a button that opens the passage (ClaimCardsPlugin handles
 * the click for every card at once). Plain DOM, not a React view per card: a notebook embedding a
 * thousand claims mounted a thousand React portals, each installing React's event listeners on
 * its container, which cost about half a second at open (bench: notebook.open).
 */
export function renderClaimCard(host: HTMLElement, face: ClaimFace): void {
  const live = face.card && !face.card.deleted ? face.card : null;
  const deleted = face.card?.deleted === true;
  const shown = live ? snapshotOf(live) : face.last;
  const where = [shown.documentTitle, shown.pages && `p. ${shown.pages}`]
    .filter(Boolean)
    .join(', ');
  const label = deleted
    ? `Deleted claim: ${shown.quote}`
    : `Claim: ${shown.quote}. ${where}${live?.grade ? `. Grade ${live.grade}` : ''}`;

  host.className = `nb-claim${deleted ? ' is-deleted' : ''}${face.card === undefined ? ' is-loading' : ''}`;
  host.dataset.claimId = face.claimId;
  const button = el('button', 'nb-claim-open') as HTMLButtonElement;
  button.type = 'button';
  button.setAttribute('aria-label', deleted ? label : `${label}. Open the passage`);
  button.title = deleted
    ? 'This claim was deleted; its last quote is kept here'
    : 'Open the passage';
  button.disabled = deleted;
  if (deleted) button.append(el('span', 'nb-claim-deleted', 'deleted claim'));
  const source = el('span', 'nb-claim-source');
  source.append(el('span', 'nb-claim-where', where));
  if (live?.grade) source.append(el('span', 'badge nb-claim-grade', live.grade));
  button.append(el('span', 'nb-claim-quote', `“${shown.quote}”`), source);
  host.replaceChildren(button);
}
