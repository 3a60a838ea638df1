import type { Database } from 'better-sqlite3';
import { WorkspaceError } from '../errors';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations';

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function refuseNewerSchema(db: Database, latest = LATEST_SCHEMA_VERSION): void {
  const current = schemaVersion(db);
  if (current > latest) {
    throw new WorkspaceError(
      'newer_version',
      `This workspace was saved by a newer version of Claimdesk (schema ${current}; this version knows up to ${latest}). ` +
        'Update Claimdesk to open it. Nothing in the workspace was changed.',
    );
  }
}

/**
 * Brings the schema up to date: every pending migration in ONE transaction, so a failure leaves the
 * database exactly as it was. A database made by a newer Claimdesk is refused before anything runs.
 */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): number {
  const latest =
    migrations.length === MIGRATIONS.length ? LATEST_SCHEMA_VERSION : migrations.length;
  refuseNewerSchema(db, latest);
  const current = schemaVersion(db);
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return current;
  db.transaction(() => {
    for (const m of pending) {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  })();
  return schemaVersion(db);
}
