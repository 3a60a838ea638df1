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
  importBundle,
  textLines,
  writeBundle,
} from './bundle';
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
});
