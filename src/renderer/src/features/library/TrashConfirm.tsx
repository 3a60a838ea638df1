import { Modal } from '../../lib/Modal';
import { plural } from '../../lib/format';

interface Props {
  title: string;
  /** what happens, for people: what goes, whether it can come back */
  message: string;
  confirmLabel: string;
  onAnswer: (confirmed: boolean) => void;
}

/** The confirmation before documents go to the trash or the trash is emptied. */
export function TrashConfirm({ title, message, confirmLabel, onAnswer }: Props) {
  return (
    <Modal title={title} onClose={() => onAnswer(false)} className="trash-confirm">
      <p className="modal-note">{message}</p>
      <div className="modal-actions">
        <button type="button" className="btn" onClick={() => onAnswer(false)}>
          Cancel
        </button>
        <button type="button" className="btn btn-primary" autoFocus onClick={() => onAnswer(true)}>
          {confirmLabel}
        </button>
      </div>
    </Modal>
  );
}

/** "3 claims, 1 mention and 2 relations" (only what there is), or null for none. */
export function goesWith(counts: { claims: number; mentions: number; relations: number }) {
  const parts = [
    counts.claims > 0 && plural(counts.claims, 'claim'),
    counts.mentions > 0 && plural(counts.mentions, 'mention'),
    counts.relations > 0 && plural(counts.relations, 'relation'),
  ].filter((p): p is string => typeof p === 'string');
  if (parts.length === 0) return null;
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)!}`;
}
