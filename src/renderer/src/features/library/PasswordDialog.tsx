import { useId, useState } from 'react';
import { Modal } from '../../lib/Modal';

interface Props {
  fileName: string;
  wrongBefore: boolean;
  onAnswer: (password: string | null) => void;
}

/** Asks for the password of an encrypted PDF. Nothing is stored: it goes with this import only. */
export function PasswordDialog({ fileName, wrongBefore, onAnswer }: Props) {
  const [value, setValue] = useState('');
  const inputId = useId();
  const hintId = useId();
  return (
    <Modal title="Locked file" onClose={() => onAnswer(null)} className="password-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (value !== '') onAnswer(value);
        }}
      >
        <p id={hintId} className={wrongBefore ? 'field-error' : 'modal-note'}>
          {wrongBefore
            ? `That password did not open “${fileName}”. Check it and try again, or skip this file.`
            : `“${fileName}” is protected with a password. Enter it to import the file.`}
        </p>
        <label htmlFor={inputId} className="field-label">
          Password
        </label>
        <input
          id={inputId}
          type="password"
          className="input"
          autoFocus
          autoComplete="off"
          aria-describedby={hintId}
          aria-invalid={wrongBefore || undefined}
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
        <div className="modal-actions">
          <button type="button" className="btn" onClick={() => onAnswer(null)}>
            Skip file
          </button>
          <button type="submit" className="btn btn-primary" disabled={value === ''}>
            Import
          </button>
        </div>
      </form>
    </Modal>
  );
}
