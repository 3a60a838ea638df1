import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportFile } from '../shared/api';
import type { BundleImportOutcome } from '../shared/api-search';
import type { DocumentId } from '../shared/model';
import {
  bundleLines,
  bundleTables,
  exportBundle,
  fileLines,
  heldWork,
  importBundle,
  textLines,
  writeBundle,
} from './bundle';
import { listBackups } from './backup';
import { listClaims, updateClaim } from './db/claims';
import { getDocumentBytes, listDocuments } from './db/documents';
import { migrate } from './db/migrate';
import { MIGRATIONS } from './db/migrations';
import type { Db } from './db/open';
import { saveFilter } from './db/saved-filters';
import { search } from './db/search';
import { importDocument } from './documents';
import { buildClaimsFixture, corpusFiles } from './test/claims-fixture';
import { insertSchema1Document } from './test/old-schema';
import { openBackupDb } from './test/backups';
import { SAMPLE_TEXT, tempBackend, tempDir } from './test/workspace';

/** The bundle minus its header's export time, which is the only thing allowed to differ. */
const content = (bundle: string) => bundle.replace(/"exportedAt":"[^"]+"/, '"exportedAt":"-"');

async function richWorkspace() {
  const backend = tempBackend();
  const { db } = backend;
  const fixture = await buildClaimsFixture(db);
  const files = corpusFiles();
  if (files) {
    const pdf = files.find((f) => f.endsWith('.pdf'))!;
    await importDocument(db, { fileName: pdf, bytes: readFileSync(pdf) });
  }
  updateClaim(db, fixture.claims.riot.id, { note: 'edited once more' }); // history holds a few actions
  saveFilter(db, {
    name: 'Reuters',
    filter: { claimantId: fixture.claims.riot.claimantId ?? undefined },
  });
  db.prepare(`INSERT INTO settings (key, value) VALUES ('theme', '"dark"')`).run();
  db.prepare(
    `INSERT INTO vocabulary (list, value, position) VALUES ('claim_type', 'prophecy', 9)`,
  ).run();
  return { backend, db, ...fixture };
}

describe('workspace bundle', () => {
  it('round-trips losslessly: export, import into an empty workspace, export again', async () => {
    const { db } = await richWorkspace();
    const first = exportBundle(db, 'test');
    const target = tempBackend();
    const outcome = importBundle(target.db, textLines(first));
    expect(outcome.counts).toMatchObject({
      documents: listDocuments(db).length,
      claims: 4,
      entities: 3,
      mentions: 1,
    });
    const second = exportBundle(target.db, 'test');
    expect(content(second)).toBe(content(first));

    // and the imported workspace works: bytes, claims, the rebuilt search index
    for (const d of listDocuments(db)) {
      expect(
        Buffer.from(getDocumentBytes(target.db, d.id)).equals(
          Buffer.from(getDocumentBytes(db, d.id)),
        ),
      ).toBe(true);
    }
    expect(listClaims(target.db)).toEqual(listClaims(db));
    expect(search(target.db, { query: 'Khujand', limit: 50 })).toEqual(
      search(db, { query: 'Khujand', limit: 50 }),
    );
    expect(
      target.db.prepare("SELECT value FROM vocabulary WHERE value = 'prophecy'").pluck().get(),
    ).toBe('prophecy');
  });

  it('holds every table but the derived search index, parents first', async () => {
    const { db } = await richWorkspace();
    const tables = bundleTables(db);
    for (const t of [
      'documents',
      'document_files',
      'claims',
      'claim_spans',
      'claim_subjects',
      'claim_tags',
      'tags',
      'claim_relations',
      'entities',
      'entity_aliases',
      'mentions',
      'vocabulary',
      'settings',
      'history',
      'saved_filters',
    ]) {
      expect(tables).toContain(t);
    }
    expect(tables.filter((t) => t.startsWith('search_') || t === 'document_pages')).toEqual([]);
    expect(tables.indexOf('document_files')).toBeLessThan(tables.indexOf('documents'));
    expect(tables.indexOf('documents')).toBeLessThan(tables.indexOf('claims'));
    expect(tables.indexOf('claims')).toBeLessThan(tables.indexOf('claim_spans'));
    expect(tables.indexOf('entities')).toBeLessThan(tables.indexOf('entity_aliases'));
  });

  it('streams through a file the same as through a string', async () => {
    const { db } = await richWorkspace();
    const file = join(tempDir(), 'w.claimdesk-bundle.jsonl');
    writeBundle(db, file, 'test');
    expect(content(readFileSync(file, 'utf8'))).toBe(content(exportBundle(db, 'test')));
    const target = tempBackend();
    importBundle(target.db, fileLines(file));
    expect(content(exportBundle(target.db, 'test'))).toBe(content(exportBundle(db, 'test')));
  });

  it('refuses a non-empty workspace, a damaged bundle and a newer one, changing nothing', async () => {
    const { db } = await richWorkspace();
    const bundle = exportBundle(db, 'test');
    expect(() => importBundle(db, textLines(bundle))).toThrow(/empty workspace/);

    const target = tempBackend();
    const before = exportBundle(target.db, 'test');
    const lines = bundle.split('\n');
    const truncated = lines.slice(0, Math.floor(lines.length / 2)).join('\n');
    expect(() => importBundle(target.db, textLines(truncated))).toThrow(
      /incomplete|refer to records/,
    );
    expect(() => importBundle(target.db, textLines('{"format":"zip"}'))).toThrow(
      /not a Claimdesk workspace bundle/,
    );
    const newer = bundle.replace(/"schemaVersion":\d+/, '"schemaVersion":999');
    expect(() => importBundle(target.db, textLines(newer))).toThrow(/newer Claimdesk/);
    expect(() =>
      importBundle(target.db, textLines(`${lines[0]}\n{"table":"nope","columns":[],"rows":0}`)),
    ).toThrow(/no table "nope"/);
    expect(content(exportBundle(target.db, 'test'))).toBe(content(before));
  });

  it('imports a bundle from an older schema, migrating it', async () => {
    const old = new Database(':memory:');
    old.pragma('foreign_keys = ON');
    migrate(old, MIGRATIONS.slice(0, 1));
    const doc = insertSchema1Document(old, {
      text: SAMPLE_TEXT,
      title: 'Old',
      authors: ['Jane Roe'],
      publishedDate: '2019-03',
    });
    const bundle = [...bundleLines(old as Db, 'v1')].join('\n');
    old.close();
    expect(bundle).toContain('"schemaVersion":1');
    const target = tempBackend();
    importBundle(target.db, textLines(bundle));
    const [migrated] = listDocuments(target.db);
    expect(migrated!.id).toBe(doc.id);
    // migration 0005 gave it a source from its metadata, each field still to be confirmed
    expect(migrated!.meta).toMatchObject({
      title: 'Old',
      authors: ['Jane Roe'],
      publishedDate: '2019-03',
    });
    expect(migrated!.found).toEqual(
      expect.arrayContaining(['title', 'author', 'issued', 'language']),
    );
    expect(
      search(target.db, { query: 'Khujand', limit: 5, documentId: doc.id as DocumentId }).passages
        .length,
    ).toBeGreaterThan(0);
  });

  it('goes through the API', async () => {
    const { backend } = await richWorkspace();
    const exported = await backend.registry.call('bundle.export', {});
    expect(exported.ok).toBe(true);
    const file = (exported as { value: ExportFile }).value;
    expect(file.fileName).toMatch(/^claimdesk-workspace-.*\.claimdesk-bundle\.jsonl$/);
    const target = tempBackend();
    const imported = await target.registry.call('bundle.import', { text: file.text });
    expect(imported.ok && (imported.value as BundleImportOutcome).counts.claims).toBe(4);
    const again = await target.registry.call('bundle.import', { text: file.text });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  /** Replaces one table's rows in a bundle's text by `edit`ing each decoded row. */
  const editRows = (
    bundle: string,
    table: string,
    edit: (row: unknown[], columns: string[]) => unknown[],
  ) => {
    let columns: string[] | null = null;
    return bundle
      .split('\n')
      .map((line) => {
        if (line === '') return line;
        const value = JSON.parse(line) as unknown;
        if (!Array.isArray(value)) {
          const header = value as { table?: string; columns?: string[] };
          columns = header.table === table ? header.columns! : null;
          return line;
        }
        return columns ? JSON.stringify(edit(value, columns)) : line;
      })
      .join('\n');
  };

  it('refuses a document planted under a forged SHA-256 (issue 14: the genuine file would become its "duplicate")', async () => {
    const { db } = await richWorkspace();
    const bundle = exportBundle(db, 'test');
    const forged = editRows(bundle, 'document_files', (row, columns) => {
      const copy = [...row];
      copy[columns.indexOf('bytes')] = { $bytes: Buffer.from('forged text').toString('base64') };
      return copy;
    });
    const target = tempBackend();
    const before = exportBundle(target.db, 'test');
    expect(() => importBundle(target.db, textLines(forged))).toThrow(
      /has other contents \(SHA-256 [0-9a-f]{12}…\)\. The bundle was altered/,
    );
    expect(content(exportBundle(target.db, 'test'))).toBe(content(before));
  });

  it('refuses a bundle whose undo history would write what the API refuses', async () => {
    const { db } = await richWorkspace();
    const bundle = exportBundle(db, 'test');
    const target = tempBackend();
    const before = exportBundle(target.db, 'test');
    const hostile: Array<[(before: unknown[]) => string | null, RegExp]> = [
      [() => 'not json', /not JSON/],
      [() => JSON.stringify({ kind: 'claim' }), /not a list/],
      [() => JSON.stringify([{ kind: 'shell', id: 'x', value: {} }]), /unknown kind "shell"/],
      [() => JSON.stringify([{ kind: 'claim', id: '', value: null }]), /without a valid id/],
      [
        () =>
          JSON.stringify([
            {
              kind: 'entity',
              id: 'ent_00000001',
              value: {
                id: 'ent_00000001',
                kind: 'person',
                name: 'X',
                aliases: [],
                description: '',
                externalIds: { url: 'javascript:alert(1)' },
              },
            },
          ]),
        /entity ent_00000001: externalIds\.url/,
      ],
      [
        (snapshots) => {
          const claim = (
            snapshots as Array<{ kind: string; value: Record<string, unknown> | null }>
          ).find((s) => s.kind === 'claim' && s.value);
          if (!claim) return null; // this step holds no claim as it was
          claim.value!.eventDate = '2018-13-99';
          return JSON.stringify(snapshots);
        },
        /claim clm_\w+: eventDate/,
      ],
    ];
    for (const [change, message] of hostile) {
      const edited = editRows(bundle, 'history', (row, columns) => {
        const copy = [...row];
        const at = columns.indexOf('before');
        const parsed = JSON.parse(copy[at] as string) as unknown[];
        copy[at] = (parsed.length > 0 && change(parsed)) || copy[at];
        return copy;
      });
      expect(edited).not.toBe(bundle);
      expect(() => importBundle(target.db, textLines(edited))).toThrow(message);
      expect(content(exportBundle(target.db, 'test'))).toBe(content(before));
    }
  });

  it('never replaces a workspace’s own work silently: an explicit choice, and a backup first', async () => {
    const { db } = await richWorkspace();
    const bundle = exportBundle(db, 'test');
    const target = tempBackend();
    expect(heldWork(target.db)).toEqual([]); // a fresh workspace takes a bundle without asking
    saveFilter(target.db, { name: 'Mine', filter: { tag: 'riot' } });
    target.db
      .prepare(`INSERT INTO vocabulary (list, value, position) VALUES ('claim_type', 'rumour', 9)`)
      .run();
    expect(heldWork(target.db)).toEqual(['1 saved filter', 'an edited vocabulary']);
    const before = exportBundle(target.db, 'test');
    const refused = await target.registry.call('bundle.import', { text: bundle });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'conflict', reason: 'replace_required' },
    });
    expect((refused as { error: { message: string } }).error.message).toMatch(
      /holds 1 saved filter, an edited vocabulary, which the bundle would replace/,
    );
    expect(content(exportBundle(target.db, 'test'))).toBe(content(before));
    expect(listBackups(target.dataDir)).toEqual([]);

    const replaced = await target.registry.call('bundle.import', { text: bundle, replace: true });
    expect(replaced.ok).toBe(true);
    const outcome = (replaced as { value: BundleImportOutcome }).value;
    expect(outcome.counts.claims).toBe(4);
    // the backup holds the workspace as it was: restoring it would bring the filter back
    const [backup] = listBackups(target.dataDir);
    expect(outcome.backup).toBe(backup!.fileName);
    const saved = openBackupDb(target.dataDir, backup!.fileName);
    expect(saved.prepare('SELECT name FROM saved_filters').pluck().all()).toEqual(['Mine']);
    saved.close();
  });
});
