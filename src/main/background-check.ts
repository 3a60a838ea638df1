/**
 * The thorough check that opening no longer does (db/open.ts reads a large database only in
 * part): every page, every foreign key, the claim rules and every stored original's hash, run
 * after open in a worker thread with its own read-only connection, so work goes on meanwhile.
 * If the database itself turns out damaged, the backend's connection becomes read-only
 * (`query_only`): a damaged workspace is never written, and every write says why (rpc.ts).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FileProblem, WorkspaceCheckStatus } from '../shared/api-library';
import { checkWorkspace, type CheckProgress, type CheckReport } from './db/check';
import type { Db } from './db/open';

type Message =
  | { type: 'progress'; progress: CheckProgress }
  | { type: 'done'; report: CheckReport }
  | { type: 'failed'; message: string };

const statuses = new WeakMap<Db, WorkspaceCheckStatus>();

const NOT_STARTED: WorkspaceCheckStatus = {
  state: 'not_started',
  progress: null,
  message: null,
  fileProblems: [],
};

export const checkStatus = (db: Db): WorkspaceCheckStatus => statuses.get(db) ?? NOT_STARTED;

// the bundler may place this code in out/main/ or in out/main/chunks/ (as importers/pool.ts)
const builtWorker = ['./check-worker.js', '../check-worker.js']
  .map((relative) => fileURLToPath(new URL(relative, import.meta.url)))
  .find((file) => import.meta.url.endsWith('.js') && existsSync(file));

export interface BackgroundCheckOptions {
  nativeBinding?: string;
  /** the worker script; default: the built one beside this module (none in tests: run inline) */
  workerFile?: string;
}

/** Starts the check; resolves with the final status. Stopping ends the worker (status: failed). */
export function startBackgroundCheck(
  db: Db,
  options: BackgroundCheckOptions = {},
): { done: Promise<WorkspaceCheckStatus>; stop: () => void } {
  statuses.set(db, { ...NOT_STARTED, state: 'running' });
  const workerFile = options.workerFile ?? builtWorker;
  let stop = () => {};
  const done = new Promise<WorkspaceCheckStatus>((resolve) => {
    const settle = (message: Message) => {
      if (message.type === 'progress') {
        statuses.set(db, { ...checkStatus(db), progress: message.progress });
        return;
      }
      const status =
        message.type === 'done'
          ? finish(db, message.report)
          : // SQLite stops a check on some damage with an error instead of a finding
            CORRUPT.test(message.message)
            ? damaged(db, [message.message], [])
            : failed(message.message);
      statuses.set(db, status);
      resolve(status);
    };
    if (!workerFile) {
      // development and tests without a build: the same check on this thread, after the open
      const timer = setImmediate(() => {
        try {
          settle({
            type: 'done',
            report: checkWorkspace(db, (p) => settle({ type: 'progress', progress: p })),
          });
        } catch (error) {
          settle({
            type: 'failed',
            message: error instanceof Error ? error.message : String(error),
          });
        }
      });
      stop = () => clearImmediate(timer);
      return;
    }
    const worker = new Worker(workerFile, {
      workerData: { file: db.name, nativeBinding: options.nativeBinding },
    });
    let settled = false;
    worker.on('message', (message: Message) => {
      if (message.type !== 'progress') settled = true;
      settle(message);
    });
    worker.on('error', (error) => {
      if (!settled) settle({ type: 'failed', message: error.message });
      settled = true;
    });
    worker.on('exit', () => {
      if (!settled) settle({ type: 'failed', message: 'the check was stopped' });
      settled = true;
    });
    worker.unref();
    stop = () => void worker.terminate();
  });
  return { done, stop: () => stop() };
}

const failed = (message: string): WorkspaceCheckStatus => ({
  ...NOT_STARTED,
  state: 'failed',
  message: `The background check could not finish: ${message}`,
});

const CORRUPT = /malformed|corrupt|not a database/i;

function damaged(db: Db, findings: string[], fileProblems: FileProblem[]): WorkspaceCheckStatus {
  // from now on SQLite refuses every write on this connection; reads go on
  if (db.open) db.pragma('query_only = ON');
  return {
    state: 'damaged',
    progress: null,
    message:
      `The workspace database is damaged (${findings.slice(0, 3).join('; ')}). ` +
      'It is now read-only, so nothing more is written to it: export what you need, then restore ' +
      'the latest backup (claimdesk restore --latest, or from the app).',
    fileProblems,
  };
}

function finish(db: Db, report: CheckReport): WorkspaceCheckStatus {
  if (!(report.integrity.length === 1 && report.integrity[0] === 'ok')) {
    return damaged(db, report.integrity, report.files.problems);
  }
  const problems = [
    report.foreignKeyViolations > 0 &&
      `${report.foreignKeyViolations} record(s) refer to records that are gone`,
    report.claimProblems.length > 0 &&
      `${report.claimProblems.length} claim(s) break the claim rules`,
    report.files.problems.length > 0 &&
      `${report.files.problems.length} original file(s) missing or changed on disk`,
  ].filter((p): p is string => typeof p === 'string');
  return {
    state: problems.length > 0 ? 'problems' : 'ok',
    progress: null,
    message:
      problems.length > 0 ? `${problems.join('; ')}. Run claimdesk check for the list.` : null,
    fileProblems: report.files.problems,
  };
}
