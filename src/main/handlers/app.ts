import { schemaVersion } from '../db/migrate';
import { exportClaimsJson } from '../exporters/claims-json';
import type { HandlerGroup } from '../rpc';

export const appHandlers: HandlerGroup = {
  'app.info': ({ db, dataDir, shell, version }) => ({
    version,
    shell,
    dataDir,
    schemaVersion: schemaVersion(db),
  }),
  'export.claims': ({ db, version }, { documentId }) => {
    const data = exportClaimsJson(db, { documentId, generator: `Claimdesk ${version}` });
    const stamp = new Date().toISOString().slice(0, 10);
    return {
      fileName: `claimdesk-claims-${stamp}.json`,
      mediaType: 'application/json',
      text: `${JSON.stringify(data, null, 2)}\n`,
    };
  },
};
