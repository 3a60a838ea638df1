import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { WorkspaceError } from './errors';
import { ensurePrivateDir, PRIVATE_FILE_MODE } from './private-files';

/**
 * One process at a time per workspace: two would each keep their own undo journal, collect files
 * the other still needs, and back up half-made states. `claimdesk.lock` in the workspace folder
 * names the holder; a second process is refused with who holds it. A holder that died (SIGKILL,
 * power loss) leaves its file behind: a lock whose process no longer runs on this machine is taken
 * over. Within one process the lock is shared (the desktop shell reopens, tests open twice).
 */

export const LOCK_FILE = 'claimdesk.lock';

interface Holder {
  pid: number;
  host: string;
  shell: string;
  since: string;
}

const held = new Map<string, number>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(file: string): Holder | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Holder;
  } catch {
    return null; // gone, or half-written by a holder that died while writing it
  }
}

const describe = (h: Holder) =>
  `${h.shell === 'cli' ? 'a claimdesk command' : h.shell === 'serve' ? 'claimdesk serve' : 'the Claimdesk app'} ` +
  `(process ${h.pid} on ${h.host}, since ${h.since})`;

/** Takes the workspace for this process, or throws WorkspaceError('locked') naming the holder. */
export function lockWorkspace(dataDir: string, shell: string): () => void {
  const file = join(dataDir, LOCK_FILE);
  const count = held.get(file) ?? 0;
  if (count > 0) {
    held.set(file, count + 1);
    return once(() => release(file));
  }
  ensurePrivateDir(dataDir);
  const me: Holder = { pid: process.pid, host: hostname(), shell, since: new Date().toISOString() };
  try {
    writeFileSync(file, JSON.stringify(me), { flag: 'wx', mode: PRIVATE_FILE_MODE });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const holder = readHolder(file);
    if (holder && !(holder.host === me.host && !alive(holder.pid))) {
      throw new WorkspaceError(
        'locked',
        `This workspace (${dataDir}) is open in ${describe(holder)}. Close it there first, or use ` +
          `another --data-dir.` +
          (holder.host === me.host
            ? ''
            : ` If that machine no longer runs Claimdesk, delete ${file}.`),
      );
    }
    // the holder died: take over with an atomic replace, then make sure we are the one who won
    const tmp = `${file}.${process.pid}`;
    writeFileSync(tmp, JSON.stringify(me), { mode: PRIVATE_FILE_MODE });
    renameSync(tmp, file);
    const now = readHolder(file);
    if (now?.pid !== me.pid || now.host !== me.host) return lockWorkspace(dataDir, shell);
  }
  held.set(file, 1);
  return once(() => release(file));
}

function release(file: string): void {
  const count = (held.get(file) ?? 0) - 1;
  if (count > 0) return void held.set(file, count);
  held.delete(file);
  const holder = readHolder(file);
  if (holder?.pid === process.pid) rmSync(file, { force: true });
}

function once(fn: () => void): () => void {
  let done = false;
  return () => {
    if (!done) {
      done = true;
      fn();
    }
  };
}

// a process that ends without closing (an uncaught error, process.exit) still lets go
process.once('exit', () => {
  for (const file of held.keys()) {
    if (readHolder(file)?.pid === process.pid) rmSync(file, { force: true });
  }
});
