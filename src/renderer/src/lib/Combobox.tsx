import { useCombobox } from 'downshift';
import { useState, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import './combobox.css';
import { usePopupPlacement } from './popupPlacement';

export interface ComboboxProps<T> {
  /** the accessible name of the field and its list */
  label: string;
  items: readonly T[];
  itemKey: (item: T) => string;
  renderItem: (item: T) => ReactNode;
  /** the option's accessible name, where its text alone would not say it well */
  itemLabel?: (item: T) => string | undefined;
  /**
   * The item Enter (and Tab, with `tabCommits`) takes before the arrows are used: only a strong
   * match (shared/rank-entities.ts `defaultPick`), else -1 and nothing is taken on its own.
   */
  preselect: number;
  /** picking this item leads to a further question in the same list ("Create…" asks the kind) */
  keepsOpen?: (item: T) => boolean;
  /** may Tab take this item on its way to the next field? (a strong match; never "Create") */
  tabTakes?: (item: T) => boolean;
  /** the typed text: owned by the caller and kept when nothing is picked */
  inputValue: string;
  onInputValueChange: (value: string) => void;
  onPick: (item: T) => void;
  /** Enter with nothing typed (a popover saves) */
  onEnterEmpty?: () => void;
  /** Escape (a popover cancels); without it Escape closes the list */
  onEscape?: () => void;
  /**
   * runs first, with the option highlighted now (chosen or preselected), if any; return true when
   * it handled the key (Enter on a stale answer, Backspace on chips)
   */
  onKeyDown?: (e: KeyboardEvent<HTMLInputElement>, highlighted: T | null) => boolean;
  /** shown above the items (a question: "Create “X” as…?") */
  header?: ReactNode;
  /** shown instead of items when there are none */
  empty?: ReactNode;
  /** inside the field before the input (chips of a multiple choice) */
  before?: ReactNode;
  inputRef?: Ref<HTMLInputElement>;
  placeholder?: string;
  autoFocus?: boolean;
  className?: string;
  busy?: boolean;
  /** the items answer an older text; a newer answer is on its way (aria-busy on the list) */
  searching?: boolean;
}

/**
 * THE combobox: every picker of entities, claims or values is this one accessible primitive
 * (Downshift's useCombobox for roles, keys and announcements; Floating UI places the list so it
 * flips above the field or shrinks instead of being clipped). Its rules, in one place:
 * - only `preselect` is highlighted on its own, so Enter never takes a weak match or "Create";
 * - Tab takes the highlighted item only where `tabTakes` allows it;
 * - leaving the field (a click elsewhere, Tab) never drops what was typed, and never picks.
 */
export function Combobox<T>(p: ComboboxProps<T>) {
  const [isOpen, setIsOpen] = useState(Boolean(p.autoFocus && p.inputValue));
  // the highlight follows the list: a new answer highlights its own preselected item
  const listKey = `${p.inputValue}\u0000${p.items.map(p.itemKey).join('\u0000')}`;
  const [highlight, setHighlight] = useState({ listKey, index: p.preselect });
  const active = highlight.listKey === listKey ? highlight.index : p.preselect;

  const { refs, floatingStyles } = usePopupPlacement(isOpen);

  const combo = useCombobox<T>({
    items: p.items as T[],
    itemToKey: (item) => (item === null ? null : p.itemKey(item)),
    itemToString: () => p.inputValue,
    inputValue: p.inputValue,
    isOpen,
    highlightedIndex: active,
    selectedItem: null,
    onIsOpenChange: ({ isOpen: open }) => setIsOpen(Boolean(open)),
    onHighlightedIndexChange: ({ highlightedIndex, type }) => {
      // the keys move the highlight, the pointer does not: a list that opens under a resting mouse
      // would otherwise change what Enter takes (hover is shown by CSS; a click picks)
      const t = useCombobox.stateChangeTypes;
      if (type === t.InputChange || type === t.ItemMouseMove || type === t.MenuMouseLeave) return;
      setHighlight({ listKey, index: highlightedIndex ?? -1 });
    },
    onSelectedItemChange: ({ selectedItem }) => {
      if (selectedItem !== null && selectedItem !== undefined) p.onPick(selectedItem);
    },
    stateReducer: (state, { type, changes }) => {
      const t = useCombobox.stateChangeTypes;
      // leaving the field picks nothing and keeps the text (Downshift would take the highlight)
      if (type === t.InputBlur) {
        return { ...changes, selectedItem: state.selectedItem, inputValue: state.inputValue };
      }
      // Escape closes the list; the text stays (Downshift would clear a closed field)
      if (type === t.InputKeyDownEscape) return { ...changes, inputValue: state.inputValue };
      if (type === t.ItemClick || type === t.InputKeyDownEnter) {
        const item = type === t.ItemClick ? changes.selectedItem : p.items[state.highlightedIndex];
        const open = item !== undefined && item !== null && p.keepsOpen?.(item) === true;
        return { ...changes, inputValue: state.inputValue, ...(open ? { isOpen: true } : {}) };
      }
      return changes;
    },
  });

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const skipDownshift = () => {
      (e.nativeEvent as { preventDownshiftDefault?: boolean }).preventDownshiftDefault = true;
    };
    if (e.nativeEvent.isComposing) return;
    if (p.onKeyDown?.(e, active >= 0 ? (p.items[active] ?? null) : null)) return skipDownshift();
    const typed = p.inputValue.trim() !== '';
    if (e.key === 'Enter') {
      if (isOpen && active >= 0) return; // Downshift picks the highlighted item
      e.preventDefault();
      skipDownshift();
      if (!typed) p.onEnterEmpty?.();
      else setIsOpen(true); // nothing strong to take: show the choices, take nothing
    } else if (e.key === 'Tab' && !e.shiftKey && typed && isOpen && active >= 0) {
      const item = p.items[active];
      if (item !== undefined && p.tabTakes?.(item)) p.onPick(item);
    } else if (e.key === 'Escape' && p.onEscape) {
      e.preventDefault();
      e.stopPropagation();
      skipDownshift();
      p.onEscape();
    } else if (e.key === 'Escape' && isOpen) {
      e.stopPropagation(); // closing the list is all Escape does here
    }
  };

  const showList = isOpen && !p.busy && (p.items.length > 0 || p.inputValue.trim() !== '');
  return (
    <div className={`ecombo ${p.className ?? ''}`}>
      <div className="ecombo-box" ref={refs.setReference}>
        {p.before}
        <input
          className="ecombo-input"
          placeholder={p.placeholder}
          autoFocus={p.autoFocus}
          spellCheck={false}
          aria-busy={p.busy || undefined}
          {...combo.getInputProps({
            'aria-label': p.label,
            ref: p.inputRef,
            onKeyDown,
            // straight from the event: Downshift reports the change after rendering, and a key
            // typed in between would be written over the old value and lost
            onChange: (e) => p.onInputValueChange(e.currentTarget.value),
            onFocus: () => setIsOpen(true),
          })}
        />
      </div>
      <div className="combo-popup" ref={refs.setFloating} style={floatingStyles} hidden={!showList}>
        {showList && p.header}
        <ul
          className="combo-list"
          aria-busy={p.searching || undefined}
          {...combo.getMenuProps({ 'aria-label': p.label })}
        >
          {showList &&
            p.items.map((item, index) => (
              <li
                key={p.itemKey(item)}
                className={`ecombo-option${index === active ? ' is-active' : ''}`}
                aria-label={p.itemLabel?.(item)}
                {...combo.getItemProps({ item, index })}
              >
                {p.renderItem(item)}
              </li>
            ))}
        </ul>
        {showList && p.items.length === 0 && p.empty}
      </div>
    </div>
  );
}
