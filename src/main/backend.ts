import { openWorkspaceDb, type Db, type OpenOptions } from './db/open';
import { analysisHandlers } from './handlers/analysis';
import { appHandlers } from './handlers/app';
import { claimHandlers } from './handlers/claims';
import { documentHandlers } from './handlers/documents';
import { entityHandlers } from './handlers/entities';
import { exportHandlers } from './handlers/exports';
import { libraryHandlers } from './handlers/library';
import { notebookHandlers } from './handlers/notebooks';
import { ocrHandlers } from './handlers/ocr';
import { searchHandlers } from './handlers/search';
import { sourceHandlers } from './handlers/sources';
import { createRegistry, type Context, type HandlerGroup, type Registry } from './rpc';
import { APP_VERSION } from './version';
import { lockWorkspace } from './workspace-lock';

export interface Backend {
  db: Db;
  registry: Registry;
  dataDir: string;
  /** the better-sqlite3 binary it was opened with (a worker thread opening the file needs it too) */
  nativeBinding?: string;
  close(): void;
}

/** Opens a workspace and builds the one RPC registry that every shell (Electron, HTTP, CLI) serves. */
export function openBackend(
  dataDir: string,
  shell: Context['shell'],
  options: OpenOptions & { shellHandlers?: HandlerGroup } = {},
): Backend {
  const unlock = lockWorkspace(dataDir, shell);
  let db: Db;
  try {
    db = openWorkspaceDb(dataDir, options);
  } catch (error) {
    unlock();
    throw error;
  }
  const ctx: Context = {
    db,
    dataDir,
    shell,
    version: APP_VERSION,
    nativeBinding: options.nativeBinding,
  };
  // shells without a menu answer "no command" at once; the desktop shell passes its own
  const shellHandlers = options.shellHandlers ?? { 'app.nextCommand': () => null };
  const registry = createRegistry(ctx, [
    appHandlers,
    documentHandlers,
    claimHandlers,
    searchHandlers,
    exportHandlers,
    entityHandlers,
    sourceHandlers,
    libraryHandlers,
    analysisHandlers,
    notebookHandlers,
    ocrHandlers,
    shellHandlers,
  ]);
  return {
    db,
    registry,
    dataDir,
    nativeBinding: options.nativeBinding,
    close: () => {
      if (db.open) db.close();
      unlock();
    },
  };
}
