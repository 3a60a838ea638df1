import { useCallback, useRef, useState } from 'react';
import type { DocumentSummary } from '../../../../shared/model';
import { describeJob } from '../../../../shared/ocr';
import { invoke, RpcError } from '../../api';

export type ImportStatus =
  'waiting' | 'importing' | 'imported' | 'duplicate' | 'failed' | 'cancelled';

export interface ImportItem {
  key: number;
  fileName: string;
  status: ImportStatus;
  message: string | null;
  document: DocumentSummary | null;
  /** while a scan is read: "OCR page 3 of 41" */
  progress?: string;
}

/** How often a running import's progress (OCR of a scan) is asked for. */
const PROGRESS_MS = 500;

/** Asks the user for a PDF's password; resolves null when they skip the file. */
export type AskPassword = (fileName: string, wrongBefore: boolean) => Promise<string | null>;

interface Options {
  askPassword: AskPassword;
  /** after each file that reached the workspace (new or already there) */
  onDocument: (doc: DocumentSummary, status: 'imported' | 'duplicate', batchSize: number) => void;
}

/**
 * Imports files one at a time (each can be large; the backend works on one at a time anyway),
 * reporting per-file status. Cancel stops before the next file; the file in flight finishes,
 * unless it is a scan being read by OCR, which stops at its next page and is not imported.
 */
export function useImportQueue({ askPassword, onDocument }: Options) {
  const [items, setItems] = useState<ImportItem[]>([]);
  const [running, setRunning] = useState(false);
  const cancelled = useRef(false);
  /** the job of the file being imported, so Cancel can stop its OCR too */
  const currentJob = useRef<string | null>(null);
  const runningRef = useRef(false);
  const nextKey = useRef(1);
  const queue = useRef<{ key: number; file: File }[]>([]);
  const optionsRef = useRef({ askPassword, onDocument });
  optionsRef.current = { askPassword, onDocument };

  const patch = (key: number, change: Partial<ImportItem>) =>
    setItems((list) => list.map((it) => (it.key === key ? { ...it, ...change } : it)));

  const importOne = async (key: number, file: File, batchSize: number) => {
    patch(key, { status: 'importing' });
    let bytes: Uint8Array<ArrayBuffer>;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      patch(key, { status: 'failed', message: `Could not read the file from disk (${why}).` });
      return;
    }
    let password: string | undefined;
    const job = crypto.randomUUID();
    currentJob.current = job;
    const poll = setInterval(() => {
      invoke('jobs.progress', { job }).then(
        (p) => p && p.stage === 'ocr' && patch(key, { progress: describeJob(p) }),
        () => {},
      );
    }, PROGRESS_MS);
    try {
      await importWith(key, file, bytes, job, password, batchSize);
    } finally {
      clearInterval(poll);
      currentJob.current = null;
      patch(key, { progress: undefined });
    }
  };

  const importWith = async (
    key: number,
    file: File,
    bytes: Uint8Array<ArrayBuffer>,
    job: string,
    password: string | undefined,
    batchSize: number,
  ) => {
    for (;;) {
      try {
        const outcome = await invoke('documents.import', {
          fileName: file.name,
          bytes,
          password,
          job,
        });
        patch(key, { status: outcome.status, document: outcome.document, message: null });
        optionsRef.current.onDocument(outcome.document, outcome.status, batchSize);
        return;
      } catch (e) {
        const reason = e instanceof RpcError ? e.reason : undefined;
        if (reason === 'password_required' || reason === 'wrong_password') {
          const answer = await optionsRef.current.askPassword(
            file.name,
            reason === 'wrong_password',
          );
          if (answer !== null) {
            password = answer;
            continue;
          }
          patch(key, { status: 'failed', message: 'Skipped: the file is password-protected.' });
          return;
        }
        if (reason === 'cancelled') {
          patch(key, { status: 'cancelled', message: null });
          return;
        }
        const message = e instanceof Error ? e.message : String(e);
        patch(key, { status: 'failed', message });
        return;
      }
    }
  };

  const start = useCallback(async (files: File[]) => {
    if (files.length === 0) return;
    const added = files.map((file) => ({ key: nextKey.current++, file }));
    // a new batch replaces a finished one's list; files added while importing join the running batch
    const fresh = !runningRef.current;
    queue.current.push(...added);
    setItems((list) => [
      ...(fresh ? [] : list),
      ...added.map((a) => ({
        key: a.key,
        fileName: a.file.name,
        status: 'waiting' as const,
        message: null,
        document: null,
      })),
    ]);
    if (runningRef.current) return;
    runningRef.current = true;
    cancelled.current = false;
    setRunning(true);
    const batchSize = queue.current.length;
    while (queue.current.length > 0) {
      const next = queue.current.shift()!;
      if (cancelled.current) {
        patch(next.key, { status: 'cancelled' });
        continue;
      }
      await importOne(next.key, next.file, batchSize);
    }
    runningRef.current = false;
    setRunning(false);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- importOne reads options through a ref
  }, []);

  const cancel = useCallback(() => {
    cancelled.current = true;
    // the file in flight stops too if it is being read by OCR (a text file just finishes)
    if (currentJob.current) void invoke('jobs.cancel', { job: currentJob.current }).catch(() => {});
    setItems((list) =>
      list.map((it) => (it.status === 'waiting' ? { ...it, status: 'cancelled' } : it)),
    );
  }, []);
  const clear = useCallback(() => setItems([]), []);

  return { items, running, start, cancel, clear };
}
