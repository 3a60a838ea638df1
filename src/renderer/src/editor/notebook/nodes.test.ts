import {
  $createParagraphNode,
  $getRoot,
  $isParagraphNode,
  createEditor,
  type LexicalEditor,
} from 'lexical';
import { describe, expect, it } from 'vitest';
import type { ClaimId, EntityId } from '../../../../shared/model';
import {
  embeddedClaims,
  parseNotebookContent,
  type ClaimSnapshot,
} from '../../../../shared/notebook-json';
import { $createClaimNode, $isClaimNode, ClaimNode } from './ClaimNode';
import { $createEntityMentionNode, $isEntityMentionNode } from './EntityMentionNode';
import { NOTEBOOK_NODES } from './nodes';

const CLAIM = 'clm_0123456789abcdef01234567' as ClaimId;
const PLACE = 'ent_0123456789abcdef01234567' as EntityId;
const LAST: ClaimSnapshot = {
  documentId: 'doc_0123456789abcdef01234567' as ClaimSnapshot['documentId'],
  statement: 'At least 27 died',
  quote: 'a prison riot left at least 27 people dead',
  documentTitle: 'Riots in Tajik prisons',
  pages: '4–5',
};

/** A headless editor with the notebook's nodes, as the app configures it (no DOM needed). */
function notebookEditor(): LexicalEditor {
  return createEditor({
    namespace: 'test',
    nodes: NOTEBOOK_NODES,
    onError: (error) => {
      throw error;
    },
  });
}

function writeFinding(editor: LexicalEditor): void {
  editor.update(
    () => {
      const paragraph = $createParagraphNode();
      paragraph.append($createEntityMentionNode(PLACE, '@Khujand'));
      paragraph.append($createClaimNode(CLAIM, LAST));
      $getRoot().clear().append(paragraph);
    },
    { discrete: true },
  );
}

describe('notebook nodes', () => {
  it('a claim and a mention survive exportJSON → importJSON unchanged', () => {
    const editor = notebookEditor();
    writeFinding(editor);
    const json = JSON.stringify(editor.getEditorState().toJSON());

    const again = notebookEditor();
    again.setEditorState(again.parseEditorState(json));
    expect(JSON.stringify(again.getEditorState().toJSON())).toBe(json);
    again.getEditorState().read(() => {
      const paragraph = $getRoot().getFirstChildOrThrow();
      expect($isParagraphNode(paragraph)).toBe(true);
      const [mention, claim] = $isParagraphNode(paragraph) ? paragraph.getChildren() : [];
      expect($isEntityMentionNode(mention)).toBe(true);
      expect(mention!.getTextContent()).toBe('@Khujand');
      expect($isClaimNode(claim)).toBe(true);
      expect((claim as ClaimNode).getClaimId()).toBe(CLAIM);
      expect((claim as ClaimNode).getLast()).toEqual(LAST);
    });
  });

  it('what the editor saves is what the backend accepts and reads its claims from', () => {
    const editor = notebookEditor();
    writeFinding(editor);
    const { root } = parseNotebookContent(JSON.stringify(editor.getEditorState().toJSON()));
    expect(embeddedClaims(root)).toEqual([
      expect.objectContaining({ type: 'claim', claimId: CLAIM, last: LAST }),
    ]);
  });

  it('setLast records a newer snapshot without changing which claim it is', () => {
    const editor = notebookEditor();
    writeFinding(editor);
    const edited = { ...LAST, statement: 'Officially 27 died' };
    editor.update(
      () => {
        const paragraph = $getRoot().getFirstChildOrThrow();
        if (!$isParagraphNode(paragraph)) throw new Error('no paragraph');
        paragraph.getChildren().find($isClaimNode)!.setLast(edited);
      },
      { discrete: true },
    );
    const [saved] = embeddedClaims(
      parseNotebookContent(JSON.stringify(editor.getEditorState().toJSON())).root,
    );
    expect(saved).toMatchObject({ claimId: CLAIM, last: edited });
  });
});
