import { useCallback } from 'react';
import type { HistoryStep } from '../../../../shared/api';
import { invoke } from '../../api';
import { errorMessage } from './useToasts';

interface Options {
  /** what an undone or redone step may have changed must be read again */
  onChanged: (step: HistoryStep) => void;
  onStatus: (message: string) => void;
  info: (message: string) => void;
  error: (message: string) => void;
}

/** Undo and redo of annotation actions (the backend's journal); the status line names the step. */
export function useHistory({ onChanged, onStatus, info, error }: Options) {
  const step = useCallback(
    async (verb: 'undo' | 'redo') => {
      try {
        const done = await invoke(verb === 'undo' ? 'history.undo' : 'history.redo', {});
        if (!done) {
          info(`Nothing to ${verb}.`);
          return;
        }
        onChanged(done);
        onStatus(`${verb === 'undo' ? 'Undid' : 'Redid'}: ${done.label}`);
      } catch (e) {
        error(errorMessage(e, verb));
      }
    },
    [onChanged, onStatus, info, error],
  );
  return {
    undo: useCallback(() => void step('undo'), [step]),
    redo: useCallback(() => void step('redo'), [step]),
  };
}
