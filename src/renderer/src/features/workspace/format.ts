import type { BackupInfo, ClaimsImportOutcome } from '../../../../shared/api-search';
import { plural } from '../../lib/format';

/** 1.2 MB, 840 KB, 512 bytes: decimal units, as file managers show them. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '';
  if (bytes < 1000) return plural(bytes, 'byte');
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

export const BACKUP_KIND_LABEL: Record<BackupInfo['kind'], string> = {
  manual: 'Backup now',
  auto: 'Automatic',
  'before-restore': 'Before a restore',
};

/** "22 Nov 2026, 06:30" in the user's time zone. */
export function backupDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(undefined, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** The outcome of a claims JSON import as sentences, the counts that matter first. */
export function describeClaimsImport(o: ClaimsImportOutcome): string[] {
  const lines: string[] = [];
  const { created, updated, unchanged } = o.claims;
  lines.push(`Claims: ${created} new, ${updated} updated, ${unchanged} already up to date.`);
  const e = o.entities;
  if (e.created + e.updated + e.unchanged > 0) {
    lines.push(
      `Entities: ${e.created} new, ${e.updated} updated, ${e.unchanged} already up to date.`,
    );
  }
  const m = o.mentions;
  if (m.created + m.updated + m.unchanged > 0) {
    lines.push(
      `Mentions: ${m.created} new, ${m.updated} updated, ${m.unchanged} already up to date.`,
    );
  }
  const r = o.relations;
  if (r.created + r.unchanged > 0) {
    lines.push(`Relations: ${r.created} new, ${r.unchanged} already present.`);
  }
  if (o.skipped.length > 0) {
    const missing = o.skipped.filter((s) => s.reason === 'document_missing');
    const lost = o.skipped.filter((s) => s.reason === 'passage_not_found');
    if (missing.length > 0) {
      const titles = [...new Set(missing.map((s) => `“${s.title}”`))];
      lines.push(
        `Skipped ${plural(missing.length, 'claim')} whose document is not in this workspace: ` +
          `${titles.slice(0, 5).join(', ')}${titles.length > 5 ? ` and ${titles.length - 5} more` : ''}. ` +
          'Import those documents first, then import the file again.',
      );
    }
    if (lost.length > 0) {
      lines.push(
        `Skipped ${plural(lost.length, 'claim')} whose passage could not be found in this workspace's copy of the document.`,
      );
    }
  }
  const kept = o.conflicts.filter((c) => c.resolution === 'kept_local');
  if (kept.length > 0) {
    lines.push(
      `Kept this workspace's version of ${plural(kept.length, 'record')} that the file has with different content ` +
        `(${kept
          .slice(0, 3)
          .map((c) => c.id)
          .join(', ')}${kept.length > 3 ? ', …' : ''}). Nothing of yours was overwritten.`,
    );
  }
  lines.push(...o.warnings);
  return lines;
}
