import { checkStatus, startBackgroundCheck } from './background-check';
import { maybeAutoBackup } from './backup';
import type { Backend } from './backend';
import { indexPendingDocuments } from './db/search-index';

const BACKUP_CHECK_MS = 10 * 60 * 1000;
const INDEX_CHECK_MS = 2 * 1000;

/**
 * Background upkeep for the long-running shells (desktop and serve): the full check of the
 * workspace in a worker thread right after open (background-check.ts), an automatic rotating
 * backup at start and every ten minutes when something changed (see backup.ts for what is kept), and search
 * indexing of newly imported documents soon after import, so the researcher's next search does not
 * pay for it. The CLI does neither: its commands are short, and searches index on demand.
 */
export function startMaintenance(backend: Backend): () => Promise<void> {
  const { db, dataDir } = backend;
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const backup = () => {
    // a damaged database is not backed up: its copy would rotate out a sound backup
    if (!stopped && db.open && checkStatus(db).state !== 'damaged') {
      running = maybeAutoBackup(db, dataDir);
    }
  };
  const index = () => {
    if (stopped || !db.open) return;
    try {
      indexPendingDocuments(db);
    } catch (error) {
      console.error('[claimdesk] background search indexing failed:', error);
    }
  };
  const check = startBackgroundCheck(db, { nativeBinding: backend.nativeBinding });
  backup();
  const timers = [setInterval(backup, BACKUP_CHECK_MS), setInterval(index, INDEX_CHECK_MS)];
  for (const t of timers) t.unref();
  // stopping waits for a backup under way, so the shell closes the database after it, not during
  return async () => {
    stopped = true;
    check.stop();
    for (const t of timers) clearInterval(t);
    await running;
  };
}
