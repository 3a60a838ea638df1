import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import type { BundleImportOutcome } from '../shared/api-search';
import { backupNow } from './backup';
import { claimRuleViolations } from './db/claim-rules';
import { listClaims } from './db/claims';
import { historyProblem } from './db/history';
import { migrate, schemaVersion } from './db/migrate';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './db/migrations';
import { workspaceDir, type Db } from './db/open';
import { putFile, readStoredFile } from './files/store';
import { DERIVED_TABLES } from './db/search-index';
import { AppError } from './errors';
import { openPrivate } from './private-files';

/**
 * The workspace bundle: a lossless copy of a workspace in one file, to move it to another machine or
 * archive it. It is JSON lines (UTF-8), so a large workspace streams in and out a row at a time:
 *
 *   {"format":"claimdesk.bundle","version":1,"schemaVersion":N,"generator":"…","exportedAt":"…"}
 *   {"table":"documents","columns":["id","sha256",…],"rows":2}
 *   ["doc_…","3f9c…",…]                 one line per row; BLOBs are {"$bytes":"<base64>"}
 *   …
 *
 * Every table of the schema is included (original file bytes, canonical text and structure,
 * claims, entities, aliases, mentions, relations, tags, vocabulary, settings, saved filters, the
 * undo history, and whatever later migrations add), with ids and timestamps as they are. Derived
 * tables (the search index) are left out: the triggers rebuild them on import. Rows are ordered by
 * primary key and tables parents first, so export → import → export gives the same lines.
 */
export const BUNDLE_FORMAT = 'claimdesk.bundle';
export const BUNDLE_VERSION = 1;
export const BUNDLE_EXTENSION = '.claimdesk-bundle.jsonl';

const BYTES_KEY = '$bytes';

interface Header {
  format: string;
  version: number;
  schemaVersion: number;
  generator: string;
  exportedAt: string;
}

interface TableHeader {
  table: string;
  columns: string[];
  rows: number;
}

/** The tables a bundle holds, parents before children (foreign keys), then by name. */
export function bundleTables(db: Db): string[] {
  const rows = db
    .prepare(
      "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .all() as { name: string; sql: string }[];
  const virtual = rows.filter((r) => /^CREATE VIRTUAL TABLE/i.test(r.sql)).map((r) => r.name);
  const derived = new Set<string>(DERIVED_TABLES);
  const names = rows
    .map((r) => r.name)
    .filter((n) => !derived.has(n) && !virtual.some((v) => n === v || n.startsWith(`${v}_`)));
  const parents = new Map(
    names.map((n) => [
      n,
      (db.pragma(`foreign_key_list("${n}")`) as { table: string }[])
        .map((fk) => fk.table)
        .filter((t) => t !== n),
    ]),
  );
  const ordered: string[] = [];
  const visit = (name: string, path: Set<string>) => {
    if (ordered.includes(name) || path.has(name)) return;
    path.add(name);
    for (const parent of parents.get(name) ?? []) if (parents.has(parent)) visit(parent, path);
    ordered.push(name);
  };
  for (const name of names) visit(name, new Set());
  return ordered;
}

function orderBy(db: Db, table: string): string {
  const pk = (db.pragma(`table_info("${table}")`) as { name: string; pk: number }[])
    .filter((c) => c.pk > 0)
    .sort((a, b) => a.pk - b.pk)
    .map((c) => `"${c.name}"`);
  return pk.length > 0 ? pk.join(', ') : 'rowid';
}

const encode = (value: unknown) =>
  value instanceof Uint8Array
    ? {
        [BYTES_KEY]: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString(
          'base64',
        ),
      }
    : value;

const decode = (value: unknown) => {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const bytes = (value as Record<string, unknown>)[BYTES_KEY];
    if (typeof bytes === 'string') return Buffer.from(bytes, 'base64');
  }
  return value;
};

/** The table listing stored originals: in a bundle its rows carry the bytes, so the bundle is whole. */
const FILES_TABLE = 'document_files';

/** Fills a document_files row's bytes from the file store (an in-memory database has them inline). */
function fileFiller(db: Db, columns: string[]): (row: unknown[]) => unknown[] {
  const hash = columns.indexOf('sha256');
  const bytes = columns.indexOf('bytes');
  return (row) => {
    const inline = row[bytes] as Uint8Array;
    if (db.memory || inline.byteLength > 0) return row;
    const copy = [...row];
    copy[bytes] = readStoredFile(workspaceDir(db), row[hash] as string, row[hash] as string);
    return copy;
  };
}

/** Stores a bundle row's bytes in the file store and keeps the row without them (see migration file-store). */
function fileStorer(db: Db, columns: string[]): (row: unknown[]) => unknown[] {
  const hash = columns.indexOf('sha256');
  const bytes = columns.indexOf('bytes');
  return (row) => {
    const inline = row[bytes];
    if (db.memory || !(inline instanceof Uint8Array) || inline.byteLength === 0) return row;
    putFile(workspaceDir(db), inline, row[hash] as string);
    const copy = [...row];
    copy[bytes] = Buffer.alloc(0);
    return copy;
  };
}

/** The bundle, line by line (no newline characters), reading one row at a time. */
export function* bundleLines(
  db: Db,
  generator: string,
  exportedAt = new Date().toISOString(),
): Generator<string> {
  const header: Header = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    schemaVersion: schemaVersion(db),
    generator,
    exportedAt,
  };
  yield JSON.stringify(header);
  for (const table of bundleTables(db)) {
    const columns = (db.pragma(`table_info("${table}")`) as { name: string }[]).map((c) => c.name);
    const rows = db.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number;
    yield JSON.stringify({ table, columns, rows } satisfies TableHeader);
    const select = db
      .prepare(
        `SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM "${table}" ORDER BY ${orderBy(db, table)}`,
      )
      .raw();
    const withFile = table === FILES_TABLE ? fileFiller(db, columns) : (row: unknown[]) => row;
    for (const row of select.iterate() as Iterable<unknown[]>)
      yield JSON.stringify(withFile(row).map(encode));
  }
}

/** The whole bundle as one string (the RPC; files use writeBundle). Consistent: one read transaction. */
export function exportBundle(db: Db, generator: string, exportedAt?: string): string {
  return db.transaction(() => {
    let out = '';
    for (const line of bundleLines(db, generator, exportedAt)) out += `${line}\n`;
    return out;
  })();
}

/** Writes the bundle to a file, one row in memory at a time. Consistent: one read transaction. */
export function writeBundle(db: Db, path: string, generator: string): void {
  const fd = openPrivate(path);
  try {
    db.transaction(() => {
      for (const line of bundleLines(db, generator)) writeSync(fd, `${line}\n`);
    })();
  } finally {
    closeSync(fd);
  }
}

/** The lines of a file, read in chunks (a bundle may be larger than a JavaScript string can be). */
export function* fileLines(path: string): Generator<string> {
  const fd = openSync(path, 'r');
  const buffer = Buffer.alloc(1 << 20);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let pending = '';
  try {
    for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) {
      pending += decoder.decode(buffer.subarray(0, n), { stream: true });
      let newline = pending.indexOf('\n');
      while (newline >= 0) {
        yield pending.slice(0, newline);
        pending = pending.slice(newline + 1);
        newline = pending.indexOf('\n');
      }
    }
    pending += decoder.decode();
    if (pending) yield pending;
  } finally {
    closeSync(fd);
  }
}

export function* textLines(text: string): Generator<string> {
  let start = 0;
  for (let newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', start)) {
    yield text.slice(start, newline);
    start = newline + 1;
  }
  if (start < text.length) yield text.slice(start);
}

const bad = (message: string) =>
  new AppError('invalid_input', `This bundle cannot be imported: ${message}`);

/** What makes a workspace non-empty: a bundle is imported only into one without these. */
const CONTENT_TABLES = ['documents', 'claims', 'entities', 'mentions', 'notebooks'];

/**
 * Imports a bundle into an EMPTY workspace, all or nothing. A workspace without documents that
 * still holds work of its own (saved filters, undo history, an edited vocabulary, changed settings,
 * sources…) is replaced only with `replace: true`, and the caller makes a backup first
 * (`importBundleFile`); a fresh one needs neither. A bundle from an older schema is loaded into a scratch
 * database at its own version and migrated first; one from a newer Claimdesk is refused. To merge
 * another workspace's claims into this one, import its claims JSON instead.
 */
export function importBundle(
  db: Db,
  lines: Iterable<string>,
  options: { replace?: boolean } = {},
): BundleImportOutcome {
  const iterator = lines[Symbol.iterator]();
  const header = parseLine(iterator.next().value) as Partial<Header> | null;
  if (!header || header.format !== BUNDLE_FORMAT)
    throw bad('it is not a Claimdesk workspace bundle.');
  if (header.version !== BUNDLE_VERSION)
    throw bad(`bundle format version ${String(header.version)} is not supported.`);
  const version = header.schemaVersion;
  if (typeof version !== 'number' || version < 1) throw bad('it has no schema version.');
  if (version > LATEST_SCHEMA_VERSION) {
    throw bad(
      `it was made by a newer Claimdesk (schema ${version}; this version knows up to ${LATEST_SCHEMA_VERSION}). Update Claimdesk.`,
    );
  }
  for (const table of CONTENT_TABLES) {
    if (db.prepare(`SELECT EXISTS (SELECT 1 FROM "${table}")`).pluck().get()) {
      throw new AppError(
        'conflict',
        'A bundle is imported into an empty workspace, and this one already holds documents, claims or entities. ' +
          'Open a new workspace to import it, or import a claims JSON to merge claims into this one.',
      );
    }
  }
  // a workspace without documents may still hold work: it is replaced only when asked to
  const held = heldWork(db);
  if (held.length > 0 && !options.replace) {
    throw new AppError(
      'conflict',
      `This workspace has no documents, but it holds ${held.join(', ')}, which the bundle would ` +
        'replace. Choose to replace them (a backup of this workspace is made first), or open a new ' +
        'workspace to import the bundle into.',
      'replace_required',
    );
  }
  const rest = { [Symbol.iterator]: () => iterator };
  if (version === schemaVersion(db)) return insertTables(db, rest);
  // an older bundle: load it at its own schema, migrate, and copy the result
  const scratch = new Database(':memory:');
  try {
    scratch.pragma('foreign_keys = ON');
    migrate(scratch, MIGRATIONS.slice(0, version));
    insertTables(scratch, rest, false);
    migrate(scratch);
    const migrated = bundleLines(scratch, '');
    migrated.next(); // its header
    return insertTables(db, { [Symbol.iterator]: () => migrated });
  } finally {
    scratch.close();
  }
}

/**
 * A file row's bytes must have the SHA-256 it is stored under: a bundle that plants a document
 * under a forged hash would otherwise make the genuine file a "duplicate" of the forged text.
 */
function verifyFileRow(columns: string[], row: unknown[]): void {
  const sha256 = row[columns.indexOf('sha256')];
  const bytes = row[columns.indexOf('bytes')];
  if (typeof sha256 !== 'string' || !(bytes instanceof Uint8Array))
    throw bad('a stored file has no SHA-256 or no bytes.');
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (actual !== sha256) {
    throw bad(
      `the file stored as ${sha256.slice(0, 12)}… has other contents (SHA-256 ${actual.slice(0, 12)}…). ` +
        'The bundle was altered or damaged; nothing was imported. Export a new bundle from the original workspace.',
    );
  }
}

/** Tables a fresh workspace fills itself; they count as work only where they differ from that. */
const SEEDED_TABLES: Record<string, string> = {
  vocabulary: 'an edited vocabulary',
  settings: 'changed settings',
};
const WORK_NAMES: Record<string, [one: string, many: string]> = {
  history: ['undo step', 'undo steps'],
  saved_filters: ['saved filter', 'saved filters'],
};
const countOf = (count: number, table: string) => {
  const plain = table.replaceAll('_', ' ');
  const [one, many] = WORK_NAMES[table] ?? [plain.replace(/s$/, ''), plain];
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
};

/** What of the researcher's a bundle import would replace in this workspace, as phrases. */
export function heldWork(db: Db): string[] {
  const fresh = new Database(':memory:');
  try {
    migrate(fresh);
    const rows = (d: Database.Database, table: string) =>
      JSON.stringify(
        d
          .prepare(`SELECT * FROM "${table}" ORDER BY ${orderBy(d as Db, table)}`)
          .raw()
          .all(),
      );
    const held: string[] = [];
    for (const table of bundleTables(db)) {
      if (table in SEEDED_TABLES) {
        if (rows(db, table) !== rows(fresh, table)) held.push(SEEDED_TABLES[table]!);
        continue;
      }
      const count = db.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number;
      if (count > 0) held.push(countOf(count, table));
    }
    return held;
  } finally {
    fresh.close();
  }
}

/**
 * `importBundle` for the shells: when a workspace's own work is to be replaced (`replace`), a
 * backup of it is made first, and the outcome names it.
 */
export async function importBundleWithBackup(
  db: Db,
  dataDir: string,
  lines: Iterable<string>,
  options: { replace?: boolean } = {},
): Promise<BundleImportOutcome> {
  const backup =
    options.replace && heldWork(db).length > 0 ? (await backupNow(db, dataDir)).fileName : null;
  return { ...importBundle(db, lines, options), ...(backup ? { backup } : {}) };
}

function parseLine(line: string | undefined): unknown {
  if (line === undefined) return null;
  try {
    return JSON.parse(line);
  } catch {
    throw bad('a line is not valid JSON (is the file complete?).');
  }
}

/** Replaces the rows of every table the lines hold, in one transaction with deferred foreign keys. */
function insertTables(db: Db, lines: Iterable<string>, checkClaims = true): BundleImportOutcome {
  const counts: Record<string, number> = {};
  const known = new Set(bundleTables(db));
  db.transaction(() => {
    db.pragma('defer_foreign_keys = ON');
    let insert: Database.Statement | null = null;
    let current: TableHeader | null = null;
    let store = (row: unknown[]) => row;
    for (const line of lines) {
      if (line === '') continue;
      const value = parseLine(line);
      if (Array.isArray(value)) {
        if (!insert || !current) throw bad('a row comes before its table.');
        if (value.length !== current.columns.length)
          throw bad(`a row of ${current.table} has the wrong number of values.`);
        const row = value.map(decode);
        if (current.table === FILES_TABLE) verifyFileRow(current.columns, row);
        insert.run(store(row));
        counts[current.table]! += 1;
        continue;
      }
      const table = value as Partial<TableHeader>;
      if (typeof table?.table !== 'string' || !Array.isArray(table.columns))
        throw bad('a line is neither a table nor a row.');
      if (!known.has(table.table)) throw bad(`this Claimdesk has no table "${table.table}".`);
      const columns = new Set(
        (db.pragma(`table_info("${table.table}")`) as { name: string }[]).map((c) => c.name),
      );
      const missing = table.columns.filter((c) => !columns.has(String(c)));
      if (missing.length > 0)
        throw bad(`table ${table.table} has no column ${missing.join(', ')}.`);
      if (current && counts[current.table] !== current.rows)
        throw bad(`table ${current.table} is incomplete.`);
      current = table as TableHeader;
      counts[current.table] = 0;
      store =
        current.table === FILES_TABLE
          ? fileStorer(db, current.columns.map(String))
          : (row: unknown[]) => row;
      db.prepare(`DELETE FROM "${current.table}"`).run();
      insert = db.prepare(
        `INSERT INTO "${current.table}" (${current.columns.map((c) => `"${c}"`).join(', ')})
         VALUES (${current.columns.map(() => '?').join(', ')})`,
      );
    }
    if (current && counts[current.table] !== current.rows)
      throw bad(`table ${current.table} is incomplete.`);
    // a file cut between two tables is complete up to there: every table must be in it
    const absent = [...known].filter((t) => !(t in counts));
    if (absent.length > 0) throw bad(`it is incomplete: table ${absent.join(', ')} is missing.`);
    const violations = db.pragma('foreign_key_check') as unknown[];
    if (violations.length > 0)
      throw bad(`${violations.length} rows refer to records the bundle does not hold.`);
    if (checkClaims) {
      // the claim rules every write path applies: a hand-edited bundle gets no way around them
      const broken = claimRuleViolations(db, listClaims(db), 1)[0];
      if (broken) throw bad(`claim ${broken.claimId}: ${broken.message}`);
      // and none around them through Ctrl+Z either: undo writes its history back past the API
      const history = historyProblem(db);
      if (history) throw bad(`its undo history is not valid (${history}).`);
    }
  })();
  return { counts };
}
