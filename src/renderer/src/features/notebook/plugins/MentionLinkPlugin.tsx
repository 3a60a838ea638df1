import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';
import type { EntityId } from '../../../../../shared/model';
import { useNotebookLinks } from '../links';

/**
 * Ctrl+click (Cmd+click) on an @mention opens the entity's page, as links do in word processors: a
 * plain click only places the caret, so writing around a mention never jumps away.
 */
export function MentionLinkPlugin() {
  const [editor] = useLexicalComposerContext();
  const links = useNotebookLinks();
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      if (!(event.ctrlKey || event.metaKey)) return;
      const target = (event.target as HTMLElement | null)?.closest<HTMLElement>('.nb-mention');
      const id = target?.dataset.entityId;
      if (!id) return;
      event.preventDefault();
      links.openEntity(id as EntityId);
    };
    let detach = () => {};
    const unregister = editor.registerRootListener((root) => {
      detach();
      detach = () => {};
      if (!root) return;
      root.addEventListener('click', onClick);
      detach = () => root.removeEventListener('click', onClick);
    });
    return () => {
      unregister();
      detach();
    };
  }, [editor, links]);
  return null;
}
