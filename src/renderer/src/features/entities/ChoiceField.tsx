import { useId, useState, type KeyboardEvent, type Ref } from 'react';
import { usePopupPlacement } from '../../lib/popupPlacement';
import { filterChoices, moveActive } from './options';

interface Props {
  label: string;
  value: string | null;
  choices: readonly string[];
  placeholder?: string;
  inputRef?: Ref<HTMLInputElement>;
  onChange: (value: string | null) => void;
  onSubmit?: () => void;
  onEscape?: () => void;
}

/**
 * One value from a short list (claim type, certainty), chosen by typing its first letters: "al"
 * then Enter (or Tab) takes "alleged". ↑/↓ browse the whole list.
 */
export function ChoiceField(props: Props) {
  const { label, value, choices, onChange } = props;
  const id = useId();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const shown = filterChoices(choices, query);
  const typed = query.trim() !== '';

  const choose = (choice: string) => {
    onChange(choice);
    setQuery('');
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      setActive(moveActive(active, shown.length, e.key));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const choice = open || typed ? shown[active] : undefined;
      if (choice) choose(choice);
      else if (!typed) props.onSubmit?.();
    } else if (e.key === 'Tab' && typed && !e.shiftKey) {
      const choice = shown[active];
      if (choice) choose(choice);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      if (props.onEscape) props.onEscape();
      else {
        setQuery('');
        setOpen(false);
      }
    } else if (e.key === 'Backspace' && !typed && value !== null) {
      e.preventDefault();
      onChange(null);
    }
  };

  const listId = `${id}-list`;
  const showList = open && shown.length > 0;
  const { refs, floatingStyles } = usePopupPlacement(showList);
  return (
    <div
      className="ecombo"
      onBlur={(e) => {
        if (e.currentTarget.contains(e.relatedTarget as Node | null)) return;
        setOpen(false);
        setQuery('');
      }}
    >
      <div
        className="ecombo-box"
        ref={refs.setReference}
        onClick={(e) => e.currentTarget.querySelector('input')?.focus()}
      >
        {value !== null && !typed && <span className="echip is-plain">{value}</span>}
        <input
          ref={props.inputRef}
          className="ecombo-input"
          role="combobox"
          aria-label={label}
          aria-expanded={showList}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={showList && shown[active] ? `${id}-${shown[active]}` : undefined}
          autoComplete="off"
          spellCheck={false}
          placeholder={value === null ? props.placeholder : ''}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setOpen(true);
            setActive(e.target.value.trim() === '' ? -1 : 0);
          }}
          onFocus={() => setOpen(true)}
          onKeyDown={onKeyDown}
        />
      </div>
      <ul
        id={listId}
        role="listbox"
        aria-label={label}
        className="ecombo-list"
        ref={refs.setFloating}
        style={floatingStyles}
        hidden={!showList}
      >
        {shown.map((c, i) => (
          <li
            key={c}
            id={`${id}-${c}`}
            role="option"
            aria-selected={i === active}
            className={`ecombo-option${i === active ? ' is-active' : ''}${c === value ? ' is-current' : ''}`}
            onMouseDown={(e) => e.preventDefault()}
            onMouseMove={() => i !== active && setActive(i)}
            onClick={() => choose(c)}
          >
            <span className="ecombo-name">{c}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
