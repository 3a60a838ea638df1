import { addStyle, listStyles } from '../citations/styles-db';
import { citeClaims } from '../citations/cite-claims';
import {
  attachDocument,
  confirmSource,
  getSource,
  listSources,
  mergeSources,
  sourceIdOfDocument,
  updateSource,
} from '../db/sources';
import { bibliographyText } from '../exporters/bibliography';
import { importReferenceFile } from '../references/import-file';
import { importZoteroFolder } from '../references/zotero-import';
import type { HandlerGroup } from '../rpc';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { stamp } from './exports';

const BIBLIOGRAPHY_FILES = {
  ris: { extension: 'ris', mediaType: 'application/x-research-info-systems' },
  bibtex: { extension: 'bib', mediaType: 'application/x-bibtex; charset=utf-8' },
  'csl-json': { extension: 'json', mediaType: 'application/vnd.citationstyles.csl+json' },
} as const;

export const sourceHandlers: HandlerGroup = {
  'sources.list': ({ db }) => listSources(db),
  'sources.get': ({ db }, { id }) => getSource(db, id),
  'sources.update': ({ db }, { id, patch }) => db.transaction(() => updateSource(db, id, patch))(),
  'sources.confirm': ({ db }, { id, fields }) =>
    db.transaction(() => confirmSource(db, id, fields))(),
  'sources.attach': ({ db }, { documentId, sourceId }) =>
    db.transaction(() => {
      attachDocument(db, documentId, sourceId);
      return getSource(db, sourceIdOfDocument(db, documentId));
    })(),
  'sources.merge': ({ db }, { into, from }) =>
    db.transaction(() => {
      mergeSources(db, into, from);
      return getSource(db, into);
    })(),

  'citations.styles': ({ db }) => listStyles(db),
  'citations.addStyle': ({ db }, { xml }) => addStyle(db, xml),
  'citations.cite': ({ db }, { claimIds, style }) => citeClaims(db, claimIds, style),

  'export.bibliography': ({ db }, { format, documentId, filter }) => {
    const file = BIBLIOGRAPHY_FILES[format];
    return {
      fileName: `claimdesk-bibliography-${stamp()}.${file.extension}`,
      mediaType: file.mediaType,
      text: bibliographyText(db, { documentId, filter }, format),
    };
  },
  'references.import': ({ db }, { fileName, bytes }) => importReferenceFile(db, fileName, bytes),
  'references.importZotero': ({ db, dataDir, nativeBinding }, { folder }) =>
    importZoteroFolder(db, expandHome(folder), { dataDir, nativeBinding }),
};

/** "~/Zotero" as people type it (a shell would expand it; the app's text box does not). */
function expandHome(folder: string): string {
  return folder === '~' || folder.startsWith('~/') ? join(homedir(), folder.slice(1)) : folder;
}
