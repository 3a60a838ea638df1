import type { Toast } from './useToasts';

interface Props {
  toasts: readonly Toast[];
  onDismiss: (id: number) => void;
}

/**
 * Two live regions that always exist (screen readers only announce changes to regions already in
 * the page): polite status messages, and errors as role="alert".
 */
export function Toasts({ toasts, onDismiss }: Props) {
  const render = (t: Toast) => (
    <div key={t.id} className={`toast toast-${t.kind}`}>
      <p className="toast-message">{t.message}</p>
      {t.action && (
        <button
          type="button"
          className="btn btn-small"
          onClick={() => {
            t.action!.run();
            onDismiss(t.id);
          }}
        >
          {t.action.label}
        </button>
      )}
      <button
        type="button"
        className="btn btn-ghost btn-small"
        aria-label={t.kind === 'error' ? 'Dismiss error' : 'Dismiss message'}
        onClick={() => onDismiss(t.id)}
      >
        ✕
      </button>
    </div>
  );
  return (
    <div className="toasts">
      <div role="status" aria-live="polite" className="toast-region">
        {toasts.filter((t) => t.kind === 'info').map(render)}
      </div>
      <div role="alert" className="toast-region">
        {toasts.filter((t) => t.kind === 'error').map(render)}
      </div>
    </div>
  );
}
