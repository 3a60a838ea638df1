import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKey, HISTORY_MERGE_TAG, type NodeKey } from 'lexical';
import { useEffect } from 'react';
import type { ClaimId } from '../../../../shared/model';
import type { ClaimSnapshot } from '../../../../shared/notebook-json';
import { snapshotOf, useClaimCard } from '../../features/notebook/claimCards';
import { useNotebookLinks } from '../../features/notebook/links';
import { $isClaimNode } from './ClaimNode';

interface Props {
  nodeKey: NodeKey;
  claimId: ClaimId;
  last: ClaimSnapshot;
}

/**
 * The face of a ClaimNode: quote, source, pages and grade of the claim as it is now. A claim that
 * changed since the notebook last showed it updates the node's snapshot (merged into the last
 * undo step, so undo never "undoes" a claim edit made elsewhere); a deleted one keeps the
 * snapshot and says so. Clicking opens the passage in the reader.
 */
export function ClaimCardView({ nodeKey, claimId, last }: Props) {
  const [editor] = useLexicalComposerContext();
  const links = useNotebookLinks();
  const card = useClaimCard(claimId);
  const live = card && !card.deleted ? card : null;
  const shown = live ? snapshotOf(live) : last;

  useEffect(() => {
    if (!live || JSON.stringify(snapshotOf(live)) === JSON.stringify(last)) return;
    editor.update(
      () => {
        const node = $getNodeByKey(nodeKey);
        if ($isClaimNode(node)) node.setLast(snapshotOf(live));
      },
      { tag: HISTORY_MERGE_TAG },
    );
  }, [editor, nodeKey, live, last]);

  const deleted = card?.deleted === true;
  const where = [shown.documentTitle, shown.pages && `p. ${shown.pages}`]
    .filter(Boolean)
    .join(', ');
  const label = deleted
    ? `Deleted claim: ${shown.quote}`
    : `Claim: ${shown.quote}. ${where}${live?.grade ? `. Grade ${live.grade}` : ''}`;
  return (
    <span
      className={`nb-claim${deleted ? ' is-deleted' : ''}${card === undefined ? ' is-loading' : ''}`}
      data-claim-id={claimId}
      contentEditable={false}
    >
      <button
        type="button"
        className="nb-claim-open"
        aria-label={deleted ? label : `${label}. Open the passage`}
        title={deleted ? 'This claim was deleted; its last quote is kept here' : 'Open the passage'}
        disabled={deleted}
        onClick={() => live && links.openPassage(live)}
      >
        {deleted && <span className="nb-claim-deleted">deleted claim</span>}
        <span className="nb-claim-quote">“{shown.quote}”</span>
        <span className="nb-claim-source">
          <span className="nb-claim-where">{where}</span>
          {live?.grade && <span className="badge nb-claim-grade">{live.grade}</span>}
        </span>
      </button>
    </span>
  );
}
