import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  LexicalTypeaheadMenuPlugin,
  MenuOption,
  useBasicTypeaheadTriggerMatch,
} from '@lexical/react/LexicalTypeaheadMenuPlugin';
import { $createTextNode, type TextNode } from 'lexical';
import { useCallback, useEffect, useState } from 'react';
import type { EntitySearchHit } from '../../../../../shared/api-entities';
import { invoke } from '../../../api';
import { $createEntityMentionNode } from '../../../editor/notebook/EntityMentionNode';
import { TypeaheadList } from './TypeaheadList';

class EntityOption extends MenuOption {
  constructor(readonly hit: EntitySearchHit) {
    super(hit.entity.id);
  }
}

/** Tiers a picker may take without the researcher choosing (the tagging popover's rule). */
const STRONG = new Set(['exact', 'prefix', 'word-prefix']);

/**
 * `@` then a name: entities ranked by the same backend search and ranking as the tagging popover,
 * inserted as a mention linking to the entity's page. The first hit is preselected only when it is
 * a strong match, so Enter never takes a weak guess.
 */
export function MentionTypeaheadPlugin() {
  const [editor] = useLexicalComposerContext();
  const [query, setQuery] = useState<string | null>(null);
  const [options, setOptions] = useState<EntityOption[]>([]);
  const trigger = useBasicTypeaheadTriggerMatch('@', { minLength: 1, maxLength: 60 });

  useEffect(() => {
    if (!query) {
      setOptions([]);
      return;
    }
    let current = true;
    void invoke('entities.search', { query, limit: 10 })
      .then((hits) => current && setOptions(hits.map((h) => new EntityOption(h))))
      .catch(() => current && setOptions([]));
    return () => {
      current = false;
    };
  }, [query]);

  const onSelectOption = useCallback(
    (option: EntityOption, nodeToReplace: TextNode | null, closeMenu: () => void) => {
      editor.update(() => {
        const mention = $createEntityMentionNode(
          option.hit.entity.id,
          `@${option.hit.entity.name}`,
        );
        if (nodeToReplace) nodeToReplace.replace(mention);
        const space = $createTextNode(' ');
        mention.insertAfter(space);
        space.select();
      });
      closeMenu();
    },
    [editor],
  );

  return (
    <LexicalTypeaheadMenuPlugin<EntityOption>
      onQueryChange={setQuery}
      onSelectOption={onSelectOption}
      triggerFn={trigger}
      options={options}
      preselectFirstItem={STRONG.has(options[0]?.hit.quality ?? '')}
      menuRenderFn={(anchor, { selectedIndex, selectOptionAndCleanUp, setHighlightedIndex }) => (
        <TypeaheadList
          anchor={anchor.current}
          label="Entities"
          options={options}
          selectedIndex={selectedIndex}
          onPick={selectOptionAndCleanUp}
          onHover={setHighlightedIndex}
          empty={null}
          render={(o) => (
            <>
              <span className="nb-typeahead-title">{o.hit.entity.name}</span>
              <span className="badge">{o.hit.entity.kind}</span>
              {o.hit.matched !== o.hit.entity.name && (
                <span className="nb-typeahead-detail">alias {o.hit.matched}</span>
              )}
            </>
          )}
        />
      )}
    />
  );
}
