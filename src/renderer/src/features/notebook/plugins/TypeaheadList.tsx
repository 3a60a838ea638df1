import type { MenuOption } from '@lexical/react/LexicalTypeaheadMenuPlugin';
import type { ReactNode } from 'react';
import { createPortal } from 'react-dom';

interface Props<T extends MenuOption> {
  anchor: HTMLElement | null;
  label: string;
  options: T[];
  selectedIndex: number | null;
  onPick: (option: T) => void;
  onHover: (index: number) => void;
  render: (option: T) => ReactNode;
  empty: string | null;
}

/** The popup list of the notebook's typeaheads (`[[` claims, `@` entities): a listbox of options. */
export function TypeaheadList<T extends MenuOption>(props: Props<T>) {
  const { anchor, label, options, selectedIndex, onPick, onHover, render, empty } = props;
  if (!anchor) return null;
  if (options.length === 0 && !empty) return null;
  return createPortal(
    <div className="nb-typeahead">
      {options.length === 0 ? (
        <p className="nb-typeahead-empty">{empty}</p>
      ) : (
        <ul role="listbox" aria-label={label}>
          {options.map((option, i) => (
            <li
              key={option.key}
              id={`nb-typeahead-${option.key}`}
              ref={(el) => option.setRefElement(el)}
              role="option"
              aria-selected={selectedIndex === i}
              className={selectedIndex === i ? 'is-active' : undefined}
              onMouseEnter={() => onHover(i)}
              onMouseDown={(e) => {
                e.preventDefault(); // keep the editor's selection
                onPick(option);
              }}
            >
              {render(option)}
            </li>
          ))}
        </ul>
      )}
    </div>,
    anchor,
  );
}
