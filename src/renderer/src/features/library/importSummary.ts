import type { ImportItem } from './useImportQueue';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * The import panel's one-line summary, counting what really happened to each file: a file that
 * was already in the workspace is not "added" ("Import finished: 0 added, 2 already in the
 * workspace").
 */
export function importSummary(items: readonly Pick<ImportItem, 'status'>[], running: boolean) {
  const count = (status: ImportItem['status']) => items.filter((i) => i.status === status).length;
  if (running) {
    const done = items.filter((i) => i.status !== 'waiting' && i.status !== 'importing').length;
    return `Importing ${Math.min(done + 1, items.length)} of ${items.length}`;
  }
  const parts = [`${count('imported')} added`];
  const duplicates = count('duplicate');
  if (duplicates) parts.push(`${duplicates} already in the workspace`);
  const failed = count('failed');
  if (failed) parts.push(`${failed} failed`);
  const cancelled = count('cancelled');
  if (cancelled) parts.push(`${plural(cancelled, 'file')} cancelled`);
  return `Import finished: ${parts.join(', ')}`;
}
