/**
 * Ctrl+C and SIGTERM for the CLI and the serve shell, in one place (issue 14, item 4). Before this,
 * a signal during an import was ignored (the CLI only cancelled OCR; serve waited for the import
 * request to finish), so a 5,000-page PDF kept the process for minutes.
 *
 * On the first signal, work in flight is stopped at once: every job is cancelled and the import
 * workers are ended, which fails the files being read (and those waiting) as `cancelled` before
 * anything of them is written; a file's rows are written in one synchronous transaction after its
 * extraction, so no signal handler can run in the middle of one. Then the caller's `stopped` runs
 * (close the server, wait for a backup under way, close the database). If that has not finished
 * within `graceMs` — or on a second signal — the database is closed where it stands (between
 * transactions, for the same reason) and the process exits.
 */
import { extractionPool } from './importers/pool';
import { cancelAllJobs } from './jobs';

export interface StopOnSignal {
  /** aborted on the first SIGINT or SIGTERM */
  readonly signal: AbortSignal;
  /** the exit status a stopped process reports: 130 for SIGINT, 143 for SIGTERM */
  exitCode(): number | null;
  /** removes the handlers (the work finished without a signal) */
  dispose(): void;
}

const EXIT_CODES: Record<'SIGINT' | 'SIGTERM', number> = { SIGINT: 130, SIGTERM: 143 };

export function stopOnSignal(options: {
  /** orderly shutdown after work in flight was stopped */
  stopped?: () => Promise<void> | void;
  /** last resort when the orderly shutdown takes too long: close the database now */
  closeNow: () => void;
  graceMs?: number;
}): StopOnSignal {
  const controller = new AbortController();
  let received: 'SIGINT' | 'SIGTERM' | null = null;
  const forceExit = () => {
    try {
      options.closeNow();
    } finally {
      process.exit(received ? EXIT_CODES[received] : 1);
    }
  };
  const onSignal = (name: 'SIGINT' | 'SIGTERM') => {
    if (received) return forceExit(); // a second Ctrl+C: the researcher means it
    received = name;
    process.stderr.write(`claimdesk: stopping (${name})…\n`);
    cancelAllJobs();
    const workersEnded = extractionPool.close();
    controller.abort();
    const timer = setTimeout(forceExit, options.graceMs ?? 1_500);
    timer.unref();
    void Promise.all([workersEnded, options.stopped?.()])
      .catch((error: unknown) => {
        console.error('[claimdesk] stopping:', error);
        forceExit();
      })
      .finally(() => clearTimeout(timer));
  };
  const onInt = () => onSignal('SIGINT');
  const onTerm = () => onSignal('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  return {
    signal: controller.signal,
    exitCode: () => (received ? EXIT_CODES[received] : null),
    dispose: () => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
    },
  };
}
