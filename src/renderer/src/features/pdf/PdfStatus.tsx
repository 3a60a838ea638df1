import { useId, useState } from 'react';
import type { PdfState } from './usePdfDocument';

interface Props {
  state: Exclude<PdfState, { status: 'ready' }>;
  fileName: string;
  onPassword: (password: string) => void;
  onShowText: () => void;
}

/** What the page view shows until the pages can be drawn: progress, a password box, or why not. */
export function PdfStatus({ state, fileName, onPassword, onShowText }: Props) {
  const [password, setPassword] = useState('');
  const fieldId = useId();

  if (state.status === 'loading') {
    const percent = state.progress === null ? null : Math.round(state.progress * 100);
    return (
      <div className="pdf-status" role="status">
        <p>
          {state.stage === 'file' ? 'Reading the original file…' : 'Opening the pages…'}
          {percent !== null && percent > 0 && ` ${percent}%`}
        </p>
        <progress
          max={1}
          value={state.stage === 'pages' && state.progress ? state.progress : undefined}
          aria-label="Loading the pages"
        />
      </div>
    );
  }

  if (state.status === 'locked') {
    return (
      <form
        className="pdf-status"
        onSubmit={(e) => {
          e.preventDefault();
          if (password) onPassword(password);
        }}
      >
        <h2>“{fileName}” is password-protected</h2>
        <p>
          {state.wrongBefore
            ? 'That password is not correct. Check it and try again.'
            : 'Enter its password to show the pages. The password is kept only until you close Claimdesk.'}
        </p>
        <label htmlFor={fieldId}>Password</label>
        <div className="pdf-status-row">
          <input
            id={fieldId}
            className="input"
            type="password"
            autoComplete="off"
            autoFocus
            aria-invalid={state.wrongBefore || undefined}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <button type="submit" className="btn btn-primary" disabled={!password}>
            Show pages
          </button>
        </div>
        <button type="button" className="btn btn-ghost" onClick={onShowText}>
          Read the text instead
        </button>
      </form>
    );
  }

  return (
    <div className="pdf-status" role="alert">
      <h2>{state.title}</h2>
      <p>{state.detail}</p>
      <button type="button" className="btn" onClick={onShowText}>
        Show the text view
      </button>
    </div>
  );
}
