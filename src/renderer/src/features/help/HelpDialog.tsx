import { Modal } from '../../lib/Modal';

const mod = /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl';

const SHORTCUTS: [keys: string[], what: string][] = [
  [['C'], 'Create a claim from the selected text: claimant, subjects, type, certainty, date'],
  [['E'], 'Tag the selected text as a mention of an entity (find or create it)'],
  [['Tab'], 'Next field of the tagging popover (Shift+Tab: previous)'],
  [['Enter'], 'In the popover: take the highlighted entity or value; with nothing typed, save'],
  [['L'], 'Link the selected claim to another claim'],
  [['G'], 'Entities and suggested mentions (again: back to the reader)'],
  [['R'], 'Back to the reader'],
  [['N'], 'New entity (in the Entities view)'],
  [['Delete'], 'Delete the selected claim (you can undo)'],
  [['V'], 'Switch a PDF between its text and its pages'],
  [['Page Up / Page Down'], 'Previous / next page of a PDF'],
  [[mod, '+ / −'], `Zoom the PDF pages in / out (${mod} 0 fits the width)`],
  [[mod, 'Z'], 'Undo'],
  [[mod, 'Shift', 'Z'], 'Redo'],
  [['↑ / ↓'], 'Move between documents, claims or entities in a list, or options in a popover'],
  [['Enter'], 'Open the document / select the claim / save a field'],
  [['Shift', 'Enter'], 'New line in a statement or note'],
  [['/'], 'Search passages, claims and entities'],
  [[mod, 'K'], 'Search, even while typing in a field'],
  [['T'], 'Switch between the reader and the claims table'],
  [['B'], 'Evidence board (on a card: 1–6 grade credibility, Shift+A…F the source, L links)'],
  [['Y'], 'Timeline (+ / − zoom, ← / → pan, Home fits)'],
  [['N'], 'Network of entities'],
  [[mod, 'O'], 'Import files'],
  [[mod, 'E'], 'Export claims'],
  [['?'], 'Show these shortcuts'],
  [['Esc'], 'Close a dialog or the tagging popover (saves nothing), or clear the text selection'],
];

export function HelpDialog({ onClose }: { onClose: () => void }) {
  return (
    <Modal title="Keyboard shortcuts" onClose={onClose} className="help-dialog">
      <table className="shortcuts">
        <tbody>
          {SHORTCUTS.map(([keys, what]) => (
            <tr key={what}>
              <th scope="row">
                {keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && <span className="plus">+</span>}
                    <kbd>{k}</kbd>
                  </span>
                ))}
              </th>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="modal-note">
        Shortcuts do nothing while you are typing in a field, except Enter.
      </p>
      <div className="modal-actions">
        <button type="button" className="btn" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </Modal>
  );
}
