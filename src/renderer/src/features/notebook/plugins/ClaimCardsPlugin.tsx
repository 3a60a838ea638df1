import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { $getNodeByKey, HISTORY_MERGE_TAG, type NodeKey } from 'lexical';
import { useEffect, useRef, useState } from 'react';
import type { ClaimCard } from '../../../../../shared/api-notebooks';
import type { ClaimId } from '../../../../../shared/model';
import type { ClaimSnapshot } from '../../../../../shared/notebook-json';
import {
  registerClaimCardSource,
  renderClaimCard,
  snapshotOf,
} from '../../../editor/notebook/claimCardDom';
import { $isClaimNode, ClaimNode } from '../../../editor/notebook/ClaimNode';
import { sameSnapshot, useClaimCards } from '../claimCards';
import { useNotebookLinks } from '../links';

/**
 * Keeps every claim card in the notebook live: the claims embedded (a mutation listener on
 * ClaimNode) are fetched in one query, each card is drawn from it, and a claim that changed since
 * the notebook last showed it updates its node's snapshot (merged into the last undo step, so undo
 * never "undoes" a claim edit made elsewhere); a deleted one keeps the snapshot and says so.
 * Clicking a card opens the passage in the reader (one listener on the editor's root). `initial`
 * are the cards fetched with the notebook, so the load draws every card live at once.
 */
export function ClaimCardsPlugin({ initial }: { initial: readonly ClaimCard[] }) {
  const [editor] = useLexicalComposerContext();
  const links = useNotebookLinks();
  const linksRef = useRef(links);
  linksRef.current = links;
  const [ids, setIds] = useState<readonly ClaimId[]>([]);
  const fetched = useClaimCards(ids);
  const state = useRef({
    /** the claim nodes in the editor */
    nodes: new Map<NodeKey, ClaimId>(),
    cards: new Map<ClaimId, ClaimCard>(initial.map((card) => [card.id, card])),
    /** what each card was last drawn from: unchanged cards are not drawn again */
    drawn: new Map<NodeKey, { card: ClaimCard | undefined; last: ClaimSnapshot }>(),
    ids: [] as readonly ClaimId[],
    draw: (_keys: Iterable<NodeKey>, _created?: boolean) => {},
  });

  useEffect(() => {
    const s = state.current;
    /** `created`: the nodes' elements were just drawn by createDOM from the same cards */
    s.draw = (keys, created = false) => {
      const stale: [NodeKey, ClaimSnapshot][] = [];
      editor.getEditorState().read(() => {
        for (const key of keys) {
          const node = $getNodeByKey(key);
          const host = editor.getElementByKey(key);
          if (!$isClaimNode(node) || !host) continue;
          const claimId = node.getClaimId();
          const last = node.getLast();
          const card = s.cards.get(claimId);
          const drawn = s.drawn.get(key);
          if (!created && drawn?.card === card && drawn?.last === last) continue;
          s.drawn.set(key, { card, last });
          if (!created) renderClaimCard(host, { claimId, last, card });
          if (card && !card.deleted && !sameSnapshot(snapshotOf(card), last))
            stale.push([key, snapshotOf(card)]);
        }
      });
      if (stale.length === 0) return;
      editor.update(
        () => {
          for (const [key, last] of stale) {
            const node = $getNodeByKey(key);
            if ($isClaimNode(node)) node.setLast(last);
          }
        },
        { tag: HISTORY_MERGE_TAG },
      );
    };

    const onClick = (event: MouseEvent) => {
      const target = event.target as HTMLElement | null;
      const id = target?.closest<HTMLElement>('.nb-claim-open')?.closest<HTMLElement>('.nb-claim')
        ?.dataset.claimId;
      const card = id ? s.cards.get(id as ClaimId) : undefined;
      if (!card || card.deleted) return;
      event.preventDefault();
      linksRef.current.openPassage(card);
    };
    let detach = () => {};

    return mergeRegister(
      registerClaimCardSource(editor, (id) => s.cards.get(id)),
      editor.registerMutationListener(
        ClaimNode,
        (mutations) => {
          const created: NodeKey[] = [];
          const updated: NodeKey[] = [];
          editor.getEditorState().read(() => {
            for (const [key, mutation] of mutations) {
              const node = mutation === 'destroyed' ? null : $getNodeByKey(key);
              if ($isClaimNode(node)) {
                s.nodes.set(key, node.getClaimId());
                (mutation === 'created' ? created : updated).push(key);
              } else {
                s.nodes.delete(key);
                s.drawn.delete(key);
              }
            }
          });
          s.draw(created, true);
          s.draw(updated);
          const next = [...new Set(s.nodes.values())].sort();
          if (next.join(' ') !== s.ids.join(' ')) {
            s.ids = next;
            setIds(next);
          }
        },
        { skipInitialization: false },
      ),
      editor.registerRootListener((root) => {
        detach();
        detach = () => {};
        if (!root) return;
        root.addEventListener('click', onClick);
        detach = () => root.removeEventListener('click', onClick);
      }),
      () => detach(),
    );
  }, [editor]);

  // fetched (or fetched again after an edit elsewhere): the cards that changed are drawn again
  useEffect(() => {
    if (!fetched) return;
    const s = state.current;
    for (const card of fetched) s.cards.set(card.id, card);
    s.draw(s.nodes.keys());
  }, [fetched]);

  return null;
}
