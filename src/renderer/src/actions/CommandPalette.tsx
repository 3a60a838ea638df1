import { useCombobox } from 'downshift';
import { useMemo, useState } from 'react';
import { foldName, prepareQuery, scoreName } from '../../../shared/fuzzy';
import { Modal } from '../lib/Modal';
import './actions.css';
import { useRegistry } from './context';
import { bindingText } from './keys';
import { isEnabled, type Action } from './registry';

/** Actions whose label matches what is typed, by the app's one ranking rule; enabled ones first. */
export function paletteMatches(actions: readonly Action[], query: string): Action[] {
  const offered = actions.filter((a) => !a.hidden);
  const q = prepareQuery(query);
  const scored = offered.flatMap((a) => {
    if (!q) return [{ a, score: 0 }];
    const s = scoreName(q, foldName(a.label));
    return s ? [{ a, score: s.score }] : [];
  });
  return scored
    .sort(
      (x, y) =>
        Number(isEnabled(y.a)) - Number(isEnabled(x.a)) ||
        y.score - x.score ||
        x.a.label.localeCompare(y.a.label),
    )
    .map((x) => x.a);
}

/** Ctrl+Shift+P: every action by name, run with Enter. */
export function CommandPalette({ onClose }: { onClose: () => void }) {
  const registry = useRegistry();
  const all = useMemo(() => registry.all(), [registry]);
  const [query, setQuery] = useState('');
  const items = paletteMatches(all, query);
  const run = (a: Action) => {
    onClose();
    // after the dialog has closed, so the action sees the focus where the researcher left it
    setTimeout(() => registry.run(a.id), 0);
  };
  const combo = useCombobox<Action>({
    items,
    inputValue: query,
    isOpen: true,
    defaultHighlightedIndex: 0,
    itemToString: (a) => a?.label ?? '',
    isItemDisabled: (a) => !isEnabled(a),
    onSelectedItemChange: ({ selectedItem }) => selectedItem && run(selectedItem),
  });
  return (
    <Modal title="Command palette" onClose={onClose} className="palette-dialog">
      <label className="visually-hidden" {...combo.getLabelProps()}>
        Action
      </label>
      <input
        className="input palette-input"
        placeholder="Type an action…"
        autoFocus
        {...combo.getInputProps({ onChange: (e) => setQuery(e.currentTarget.value) })}
      />
      <ul className="palette-list" {...combo.getMenuProps({ 'aria-label': 'Actions' })}>
        {items.map((a, index) => (
          <li
            key={a.id}
            className={`palette-item${combo.highlightedIndex === index ? ' is-active' : ''}`}
            {...combo.getItemProps({ item: a, index })}
          >
            <span className="palette-label">{a.label}</span>
            {a.keys?.[0] && <kbd>{bindingText(a.keys[0])}</kbd>}
          </li>
        ))}
        {items.length === 0 && <li className="palette-empty">No action matches.</li>}
      </ul>
    </Modal>
  );
}
