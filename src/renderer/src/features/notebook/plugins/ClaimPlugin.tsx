import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $createRangeSelection,
  $insertNodes,
  $setSelection,
  COMMAND_PRIORITY_EDITOR,
  COMMAND_PRIORITY_HIGH,
  DRAGOVER_COMMAND,
  DROP_COMMAND,
  type LexicalEditor,
} from 'lexical';
import { useEffect } from 'react';
import type { ClaimId } from '../../../../../shared/model';
import { invoke } from '../../../api';
import { $createClaimNode } from '../../../editor/notebook/ClaimNode';
import { INSERT_CLAIM_COMMAND } from '../../../editor/notebook/nodes';
import { CLAIM_DRAG_TYPE, readDraggedClaim } from '../dragClaim';
import { snapshotOf } from '../../../editor/notebook/claimCardDom';

/**
 * Claims into the notebook: INSERT_CLAIM_COMMAND inserts a claim node at the selection, and a
 * claim dragged from the claims panel or table is inserted where it is dropped.
 */
export function ClaimPlugin({ onError }: { onError: (message: string) => void }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const insertClaim = async (claimId: ClaimId) => {
      const [card] = await invoke('notebooks.claimCards', { ids: [claimId] });
      if (!card || card.deleted) throw new Error('That claim no longer exists.');
      editor.dispatchCommand(INSERT_CLAIM_COMMAND, { claimId, last: snapshotOf(card) });
    };
    return mergeRegister(
      editor.registerCommand(
        INSERT_CLAIM_COMMAND,
        ({ claimId, last }) => {
          const node = $createClaimNode(claimId, last);
          $insertNodes([node]);
          node.selectNext();
          return true;
        },
        COMMAND_PRIORITY_EDITOR,
      ),
      editor.registerCommand(
        DRAGOVER_COMMAND,
        (event) => {
          if (!event.dataTransfer?.types.includes(CLAIM_DRAG_TYPE)) return false;
          event.preventDefault();
          event.dataTransfer.dropEffect = 'copy';
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
      editor.registerCommand(
        DROP_COMMAND,
        (event) => {
          const claimId = readDraggedClaim(event.dataTransfer);
          if (!claimId) return false;
          event.preventDefault();
          placeCaretAt(editor, event);
          void insertClaim(claimId).catch((e: unknown) =>
            onError(e instanceof Error ? e.message : String(e)),
          );
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
    );
  }, [editor, onError]);

  return null;
}

/** Moves the caret to the drop point, so the claim lands where the pointer is. */
function placeCaretAt(editor: LexicalEditor, event: DragEvent): void {
  const range = document.caretRangeFromPoint?.(event.clientX, event.clientY);
  if (!range) return;
  editor.update(() => {
    const selection = $createRangeSelection();
    selection.applyDOMRange(range);
    $setSelection(selection);
  });
}
