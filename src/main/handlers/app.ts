import { schemaVersion } from '../db/migrate';
import type { HandlerGroup } from '../rpc';

export const appHandlers: HandlerGroup = {
  'app.info': ({ db, dataDir, shell, version }) => ({
    version,
    shell,
    dataDir,
    schemaVersion: schemaVersion(db),
  }),
};
