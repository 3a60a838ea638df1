import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  LexicalTypeaheadMenuPlugin,
  MenuOption,
  type MenuTextMatch,
} from '@lexical/react/LexicalTypeaheadMenuPlugin';
import type { TextNode } from 'lexical';
import { useCallback, useEffect, useState } from 'react';
import type { ClaimCard } from '../../../../../shared/api-notebooks';
import { invoke } from '../../../api';
import { $createClaimNode } from '../../../editor/notebook/ClaimNode';
import { snapshotOf } from '../../../editor/notebook/claimCardDom';
import { TypeaheadList } from './TypeaheadList';

type Live = Extract<ClaimCard, { deleted: false }>;

class ClaimOption extends MenuOption {
  constructor(readonly card: Live) {
    super(card.id);
  }
}

/** `[[` then words of a claim's statement, quote, source or entities (as in Obsidian's links). */
export function claimTrigger(text: string): MenuTextMatch | null {
  const match = /(^|[\s(])(\[\[([^\]\n]{0,80}))$/.exec(text);
  if (!match) return null;
  return {
    leadOffset: match.index + match[1]!.length,
    matchingString: match[3]!,
    replaceableString: match[2]!,
  };
}

/**
 * `[[` finds claims the way the "link another claim" picker does (claims.search: statement, quote,
 * entity names, document title; the backend ranks) and inserts the one picked as a claim node.
 */
export function ClaimTypeaheadPlugin() {
  const [editor] = useLexicalComposerContext();
  const [query, setQuery] = useState<string | null>(null);
  const [options, setOptions] = useState<ClaimOption[]>([]);

  useEffect(() => {
    if (query === null) return;
    let current = true;
    const timer = setTimeout(() => {
      void invoke('claims.search', { query, limit: 12 })
        .then((hits) => invoke('notebooks.claimCards', { ids: hits.map((h) => h.claim.id) }))
        .then((cards) => {
          if (!current) return;
          const live = cards.filter((c): c is Live => !c.deleted);
          setOptions(live.map((c) => new ClaimOption(c)));
        })
        .catch(() => current && setOptions([]));
    }, 120);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query]);

  const onSelectOption = useCallback(
    (option: ClaimOption, nodeToReplace: TextNode | null, closeMenu: () => void) => {
      editor.update(() => {
        const node = $createClaimNode(option.card.id, snapshotOf(option.card));
        if (nodeToReplace) nodeToReplace.replace(node);
        node.selectNext();
      });
      closeMenu();
    },
    [editor],
  );

  return (
    <LexicalTypeaheadMenuPlugin<ClaimOption>
      onQueryChange={setQuery}
      onSelectOption={onSelectOption}
      triggerFn={claimTrigger}
      options={options}
      menuRenderFn={(anchor, { selectedIndex, selectOptionAndCleanUp, setHighlightedIndex }) => (
        <TypeaheadList
          anchor={anchor.current}
          label="Claims"
          options={options}
          selectedIndex={selectedIndex}
          onPick={selectOptionAndCleanUp}
          onHover={setHighlightedIndex}
          empty={query ? 'No claim matches' : 'Type words of a claim'}
          render={(o) => (
            <>
              <span className="nb-typeahead-title">{o.card.statement}</span>
              <span className="nb-typeahead-detail">
                {o.card.documentTitle}
                {o.card.pages && `, p. ${o.card.pages}`}
              </span>
            </>
          )}
        />
      )}
    />
  );
}
