import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import type { SearchResults } from '../shared/api-search';
import { backupDir, latestBackup, restoreBackupOffline } from './backup';
import { AppError } from './errors';
import { lockWorkspace } from './workspace-lock';

/**
 * What the CLI's search, backup and restore commands need beyond a registry call (cli.ts stays a
 * thin shell over these).
 */

export const EXPORT_FORMATS = ['json', 'w3c', 'csv', 'graphml', 'gexf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const isExportFormat = (value: string | undefined): value is ExportFormat =>
  (EXPORT_FORMATS as readonly string[]).includes(value ?? '');

/** One JSON line per hit, best first within each kind: passages, claims, entities, then notebooks. */
/**
 * Search results as JSON lines. Positions are Unicode code points of the canonical text, as every
 * export and `claimdesk text` count them: `codePoints(documentId)` converts a document's UTF-16
 * offsets (the CLI reads each document's text once).
 */
export function searchLines(results: SearchResults): object[] {
  const text = (s: { snippet: { text: string } }) => s.snippet.text;
  return [
    ...results.passages.map((p) => ({
      kind: 'passage',
      documentId: p.documentId,
      title: p.documentTitle,
      start: p.start,
      end: p.end,
      page: p.page?.label ?? null,
      snippet: text(p),
      // found through an entity's other name or a mention: say which and how
      ...(p.via ? { via: p.via } : {}),
    })),
    ...results.claims.map((c) => ({
      kind: 'claim',
      claimId: c.claimId,
      documentId: c.documentId,
      title: c.documentTitle,
      field: c.field,
      snippet: text(c),
    })),
    ...results.entities.map((e) => ({
      kind: 'entity',
      entityId: e.entityId,
      entityKind: e.kind,
      name: e.name,
      field: e.field,
      snippet: text(e),
    })),
    ...results.notebooks.map((n) => ({
      kind: 'notebook',
      notebookId: n.notebookId,
      title: n.title,
      field: n.field,
      snippet: text(n),
    })),
  ];
}

/**
 * `claimdesk restore <file>|--latest`, run before the workspace is opened (it may be too damaged to
 * open). A bare backup name is looked up in the workspace's backups folder.
 */
export async function restoreFromCli(dataDir: string, file: string | undefined, latest: boolean) {
  if (!file && !latest)
    throw new AppError('invalid_input', 'Usage: claimdesk restore <backup file> | --latest');
  let path: string;
  if (latest) path = join(backupDir(dataDir), latestBackup(dataDir).fileName);
  else if (
    !isAbsolute(file!) &&
    !existsSync(file!) &&
    existsSync(join(backupDir(dataDir), file!))
  ) {
    path = join(backupDir(dataDir), file!);
  } else path = resolve(file!);
  if (!existsSync(path)) throw new AppError('not_found', `No such backup file: ${path}`);
  // not while another process has the workspace open (it would keep writing the old one)
  const unlock = lockWorkspace(dataDir, 'cli');
  try {
    return await restoreBackupOffline(dataDir, path);
  } finally {
    unlock();
  }
}
