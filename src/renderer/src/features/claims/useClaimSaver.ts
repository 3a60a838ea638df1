import { useCallback, useRef, useState } from 'react';
import type { Input } from '../../../../shared/api';
import type { Claim } from '../../../../shared/model';
import { invoke } from '../../api';

export type ClaimPatch = Input<'claims.update'>['patch'];
type Field = keyof ClaimPatch;

/**
 * Saves claim fields one change at a time and tracks what the editor should say: "Saving…",
 * "Saved", or the backend's error next to the field that caused it.
 */
export function useClaimSaver(claim: Claim, onSaved: (claim: Claim) => void) {
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const pending = useRef(0);

  const save = useCallback(
    async (patch: ClaimPatch): Promise<boolean> => {
      const fields = Object.keys(patch) as Field[];
      pending.current++;
      setState('saving');
      try {
        const updated = await invoke('claims.update', { id: claim.id, patch });
        setErrors((errs) => {
          const next = { ...errs };
          for (const f of fields) delete next[f];
          return next;
        });
        onSaved(updated);
        return true;
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        setErrors((errs) => ({ ...errs, ...Object.fromEntries(fields.map((f) => [f, message])) }));
        return false;
      } finally {
        pending.current--;
        if (pending.current === 0) setState('saved');
      }
    },
    [claim.id, onSaved],
  );

  const setFieldError = useCallback((field: Field, message: string | null) => {
    setErrors((errs) => {
      const next = { ...errs };
      if (message === null) delete next[field];
      else next[field] = message;
      return next;
    });
  }, []);

  const hasErrors = Object.keys(errors).length > 0;
  return { save, errors, setFieldError, status: hasErrors ? ('error' as const) : state };
}
