import type { ExportFile } from '../../shared/api';
import { backupNow, backupPath, latestBackup, listBackups, restoreBackupLive } from '../backup';
import { BUNDLE_EXTENSION, exportBundle, importBundleWithBackup, textLines } from '../bundle';
import { importClaimsJson } from '../claims-import';
import { claimsJsonText } from '../exporters/claims-json';
import { exportCsv } from '../exporters/csv';
import { exportW3c } from '../exporters/w3c';
import type { HandlerGroup } from '../rpc';

/** UTC stamp for file names: 2026-11-22-063000 */
export const stamp = () =>
  new Date().toISOString().slice(0, 19).replace('T', '-').replaceAll(':', '');

export const exportHandlers: HandlerGroup = {
  'export.claims': ({ db, version }, { format, documentId, filter }): ExportFile => {
    const scope = { documentId, filter, generator: `Claimdesk ${version}` };
    switch (format) {
      case 'csv':
        return {
          fileName: `claimdesk-claims-${stamp()}.csv`,
          mediaType: 'text/csv; charset=utf-8',
          text: exportCsv(db, scope),
        };
      case 'w3c':
        return {
          fileName: `claimdesk-annotations-${stamp()}.jsonld`,
          mediaType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
          text: `${JSON.stringify(exportW3c(db, scope), null, 2)}\n`,
        };
      case 'json':
        return {
          fileName: `claimdesk-claims-${stamp()}.json`,
          mediaType: 'application/json',
          text: claimsJsonText(db, scope),
        };
    }
  },
  'claims.importJson': ({ db }, { text, onConflict }) => importClaimsJson(db, text, { onConflict }),

  'bundle.export': ({ db, version }) => ({
    fileName: `claimdesk-workspace-${stamp()}${BUNDLE_EXTENSION}`,
    mediaType: 'application/jsonl',
    text: exportBundle(db, `Claimdesk ${version}`),
  }),
  'bundle.import': ({ db, dataDir }, { text, replace }) =>
    importBundleWithBackup(db, dataDir, textLines(text), { replace }),

  'backup.now': ({ db, dataDir }) => backupNow(db, dataDir),
  'backup.list': ({ dataDir }) => listBackups(dataDir),
  'backup.restore': ({ db, dataDir }, input) => {
    const fileName = 'fileName' in input ? input.fileName : latestBackup(dataDir).fileName;
    return restoreBackupLive(db, dataDir, backupPath(dataDir, fileName));
  },
};
