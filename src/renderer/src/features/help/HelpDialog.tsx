import { useEffect, useRef } from 'react';
import { useRegistry } from '../../actions/context';
import { bindingKeys } from '../../actions/keys';
import { scopesOf, type Action } from '../../actions/registry';
import { Modal } from '../../lib/Modal';
import '../../actions/actions.css';

/** Keys that are not actions: how fields, lists and popovers move (they act where the focus is). */
const FIELD_KEYS: [keys: string[], what: string][] = [
  [['Tab'], 'Next field of the tagging popover (Shift+Tab: previous); takes a strong match only'],
  [['Enter'], 'In a picker: take the highlighted entity or value; with nothing typed, save'],
  [['↑ / ↓'], 'Move between documents, claims or entities in a list, or options in a picker'],
  [['Shift', '←/→'], 'Extend the text selection in the reader by a character (with Ctrl: a word)'],
  [['Shift', 'Enter'], 'New line in a statement or note'],
  [['Esc'], 'Close a dialog or popover (saves nothing), or clear the selection'],
];

const SCOPE_GROUP: Record<string, string> = {
  global: 'Everywhere',
  reader: 'Reader and claims',
  claims: 'Reader and claims',
  document: 'Reader and claims',
  library: 'Library',
  table: 'Claims table',
  entities: 'Entities',
};

const groupOf = (a: Action) => a.group ?? SCOPE_GROUP[scopesOf(a)[0]!] ?? scopesOf(a)[0]!;

function Keys({ keys }: { keys: string[] }) {
  return keys.map((k, i) => (
    <span key={`${k}${i}`}>
      {i > 0 && <span className="plus">+</span>}
      <kbd>{k}</kbd>
    </span>
  ));
}

/** Every registered action with a key, by where it applies, then the keys of fields and lists. */
export function HelpDialog({ onClose }: { onClose: () => void }) {
  const registry = useRegistry();
  const topRef = useRef<HTMLDivElement>(null);
  const groups = new Map<string, Action[]>();
  for (const a of registry.all()) {
    if (a.inHelp === false) continue;
    if (!a.keys?.length) continue;
    const g = groupOf(a);
    groups.set(g, [...(groups.get(g) ?? []), a]);
  }
  // open at the top (the first shortcuts), not scrolled to a button at the bottom
  useEffect(() => {
    topRef.current?.focus();
    topRef.current?.scrollIntoView({ block: 'start' });
  }, []);
  return (
    <Modal title="Keyboard shortcuts" onClose={onClose} className="help-dialog">
      <div className="help-scroll" ref={topRef} role="region" tabIndex={0} aria-label="Shortcuts">
        {[...groups].map(([group, actions]) => (
          <table className="shortcuts" key={group}>
            <caption>{group}</caption>
            <tbody>
              {actions.map((a) => (
                <tr key={a.id}>
                  <th scope="row">
                    {a.keys!.map((k, i) => (
                      <span key={k}>
                        {i > 0 && <span className="or"> or </span>}
                        <Keys keys={bindingKeys(k)} />
                      </span>
                    ))}
                  </th>
                  <td>{a.label}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
        <table className="shortcuts">
          <caption>In fields, lists and popovers</caption>
          <tbody>
            {FIELD_KEYS.map(([keys, what]) => (
              <tr key={what}>
                <th scope="row">
                  <Keys keys={keys} />
                </th>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="modal-note">
        Shortcuts act on the pane that has the focus (Delete in the library never deletes a claim)
        and do nothing while you type in a field, except Ctrl+K.
      </p>
      <div className="modal-actions">
        <button type="button" className="btn" onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}
