/** The backend as a library (built to out/main/backend.js) for the benchmark harness. */
export { openBackend } from './backend';
export { insertDocument } from './db/documents';
export { extractDocument } from './importers';
export { extractionPool, ExtractionPool } from './importers/pool';
export { startServer } from './serve';
export { workspaceCorroboration } from './analysis/corroboration-db';
export { backupNow, maybeAutoBackup } from './backup';
