import { useCallback, useRef, useState } from 'react';

export interface Toast {
  id: number;
  kind: 'info' | 'error';
  message: string;
  action?: { label: string; run: () => void };
}

/** Info toasts leave on their own (later when they offer an action); errors stay until dismissed. */
const INFO_MS = 6_000;
const ACTION_MS = 12_000;

export function useToasts() {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setToasts((ts) => ts.filter((t) => t.id !== id)), []);

  const push = useCallback(
    (toast: Omit<Toast, 'id'>) => {
      const id = nextId.current++;
      // one error at a time per message: repeating the same failure should not stack up
      setToasts((ts) => [
        ...ts.filter((t) => t.message !== toast.message).slice(-3),
        { ...toast, id },
      ]);
      if (toast.kind === 'info') setTimeout(() => dismiss(id), toast.action ? ACTION_MS : INFO_MS);
      return id;
    },
    [dismiss],
  );

  const info = useCallback(
    (message: string, action?: Toast['action']) => push({ kind: 'info', message, action }),
    [push],
  );
  const error = useCallback((message: string) => push({ kind: 'error', message }), [push]);

  return { toasts, info, error, dismiss };
}

/** A user-facing sentence for a failure: backend errors already are; anything else gets context. */
export function errorMessage(e: unknown, doing: string): string {
  if (e instanceof Error && e.name === 'RpcError') return e.message;
  const detail = e instanceof Error ? e.message : String(e);
  return `Could not ${doing}: ${detail}`;
}
