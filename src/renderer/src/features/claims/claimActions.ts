import type { Action } from '../../actions/registry';

/**
 * Making claims and mentions from the reader's selection. Global: pressed in another view they say
 * where passages are tagged, instead of doing nothing.
 */
export function taggingActions(tag: (mode: 'claim' | 'mention') => void): Action[] {
  return [
    {
      id: 'claim.create',
      label: 'Create a claim from the selected text: claimant, subjects, type, certainty, date',
      keys: ['C'],
      scope: 'global',
      group: 'Reader and claims',
      perform: () => tag('claim'),
    },
    {
      id: 'mention.tag',
      label: 'Tag the selected text as a mention of an entity (find or create it)',
      keys: ['E'],
      scope: 'global',
      group: 'Reader and claims',
      perform: () => tag('mention'),
    },
  ];
}

/**
 * The selected claim's actions, in the reader and the claims panel only: Delete with the focus in
 * the library means the library's documents, never this claim (defect 2 of issue 15).
 */
export function selectedClaimActions(d: {
  hasSelection: boolean;
  deleteSelected: () => void;
  linkSelected: () => void;
}): Action[] {
  const scope = ['document', 'claims'];
  return [
    {
      id: 'claim.delete',
      label: 'Delete the selected claim (you can undo)',
      keys: ['Delete'],
      scope,
      enabled: () => d.hasSelection,
      perform: d.deleteSelected,
    },
    {
      id: 'claim.link',
      label: 'Link the selected claim to another claim',
      keys: ['L'],
      scope,
      enabled: () => d.hasSelection,
      perform: d.linkSelected,
    },
  ];
}
