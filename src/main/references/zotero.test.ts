import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Source } from '../../shared/api-sources';
import { importReferencesCommand } from '../cli-sources';
import { failureOf, rpcOf } from '../test/rpc';
import { tempBackend, tempDir } from '../test/workspace';
import { writePdf } from '../test/pdf-writer';
import { ZoteroLibraryBuilder } from '../test/zotero-library';
import { zoteroDate } from './zotero-csl';

const enc = (s: string) => new TextEncoder().encode(s);

/** Every file of the folder with its hash and modification time: what "untouched" means. */
function snapshot(folder: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else
        out[path.slice(folder.length)] =
          createHash('sha256').update(readFileSync(path)).digest('hex') +
          ` ${statSync(path).mtimeMs}`;
    }
  };
  walk(folder);
  return out;
}

/** A small library: an article with a PDF, a book with a web snapshot, a report whose PDF is gone. */
function buildLibrary(folder: string) {
  const lib = new ZoteroLibraryBuilder(folder);
  const article = lib.item(
    'journalArticle',
    {
      title: 'Prison unrest in northern Tajikistan',
      publicationTitle: 'Central Asian Survey',
      date: '2019-03-00 March 2019',
      volume: '38',
      issue: '2',
      pages: '101-120',
      DOI: '10.1080/02634937.2019.0001',
      language: 'en',
      libraryCatalog: 'Taylor and Francis',
    },
    [
      { creatorType: 'author', firstName: 'Marzhan', lastName: 'Orumbayeva' },
      { creatorType: 'author', firstName: 'Ivan', lastName: 'Petrov' },
      { creatorType: 'author', firstName: 'Jan', lastName: 'van der Berg' },
    ],
  );
  lib.attachment(article, {
    name: 'Orumbayeva 2019.pdf',
    contentType: 'application/pdf',
    bytes: writePdf({ pageTexts: ['Prison unrest in northern Tajikistan', 'Findings page.'] }),
  });
  lib.note(article, '<p>my note</p>');
  const book = lib.item(
    'book',
    {
      title: 'Rivers of the Steppe',
      publisher: 'Open Steppe Press',
      place: 'Almaty',
      date: '2021-00-00 2021',
      ISBN: '978-3-16-148410-0',
    },
    [
      { creatorType: 'editor', firstName: 'Olga', lastName: 'Petrova' },
      { creatorType: 'author', lastName: 'Steppe Research Institute', fieldMode: 1 },
    ],
  );
  lib.attachment(book, {
    name: 'snapshot.html',
    contentType: 'text/html',
    linkMode: 1,
    bytes: enc(
      '<html><head><title>Rivers</title></head><body><h1>Rivers</h1><p>Снег тает весной.</p></body></html>',
    ),
  });
  const report = lib.item('report', {
    title: 'Annual monitoring report 2020',
    institution: 'OSCE Office',
    reportNumber: '7',
  });
  lib.attachment(report, {
    name: 'report.pdf',
    contentType: 'application/pdf',
    title: 'Full text PDF',
  });
  const trashed = lib.item('journalArticle', { title: 'Deleted article in the trash' });
  lib.trash(trashed);
  const top = lib.collection('Central Asia');
  const child = lib.collection('Prisons', top);
  lib.addToCollection(child, article);
  lib.addToCollection(top, book);
  lib.addToCollection(top, report);
  return { lib, article, book, report };
}

describe('Zotero import', () => {
  it('brings in items, their files and nested collections, and never changes the Zotero folder', async () => {
    const folder = tempDir();
    buildLibrary(folder).lib.close();
    const before = snapshot(folder);
    const backend = tempBackend();
    const rpc = rpcOf(backend);
    const outcome = await rpc('references.importZotero', { folder });
    expect(outcome).toMatchObject({
      created: 3,
      matched: 0,
      files: 2,
      collections: 2,
      failedFiles: [],
    });
    expect(outcome.missingFiles).toEqual([
      expect.stringMatching(/^storage\/K\w+\/report\.pdf \(Full text PDF\)$/),
    ]);
    expect(snapshot(folder)).toEqual(before);

    const sources = await rpc('sources.list', {});
    const byTitle = (t: string) => sources.find((s: Source) => s.csl.title === t)!;
    const article = byTitle('Prison unrest in northern Tajikistan');
    expect(article.csl).toMatchObject({
      type: 'article-journal',
      'container-title': 'Central Asian Survey',
      issued: { 'date-parts': [[2019, 3]] },
      volume: '38',
      issue: '2',
      page: '101-120',
      DOI: '10.1080/02634937.2019.0001',
      author: [
        { family: 'Orumbayeva', given: 'Marzhan' },
        { family: 'Petrov', given: 'Ivan' },
        { family: 'van der Berg', given: 'Jan' },
      ],
    });
    expect(article.csl.libraryCatalog).toBeUndefined();
    expect(article.provenance.title).toEqual({ from: 'Zotero library', confirmed: true });
    expect(article.documentIds).toHaveLength(1);
    const book = byTitle('Rivers of the Steppe');
    expect(book.csl).toMatchObject({
      type: 'book',
      publisher: 'Open Steppe Press',
      'publisher-place': 'Almaty',
      issued: { 'date-parts': [[2021]] },
      editor: [{ family: 'Petrova', given: 'Olga' }],
      author: [{ literal: 'Steppe Research Institute' }],
    });
    const { text } = await rpc('documents.content', { id: book.documentIds[0]! });
    expect(text).toContain('Снег тает весной.');
    const report = byTitle('Annual monitoring report 2020');
    expect(report.documentIds).toEqual([]); // waiting for its file
    expect(report.csl).toMatchObject({ type: 'report', publisher: 'OSCE Office', number: '7' });
    expect(sources.some((s: Source) => s.csl.title === 'Deleted article in the trash')).toBe(false);

    const collections = await rpc('collections.list', {});
    const top = collections.find((c) => c.name === 'Central Asia')!;
    const child = collections.find((c) => c.name === 'Prisons')!;
    expect(child.parentId).toBe(top.id);
    expect(top.documentCount).toBe(1); // the book's snapshot; the report has no file
    expect(child.documentCount).toBe(1);
  });

  it('a second import adds nothing twice: items match, files are duplicates, collections reused', async () => {
    const folder = tempDir();
    buildLibrary(folder).lib.close();
    const backend = tempBackend();
    const rpc = rpcOf(backend);
    await rpc('references.importZotero', { folder });
    const again = await rpc('references.importZotero', { folder: join(folder, 'zotero.sqlite') });
    expect(again).toMatchObject({ created: 0, matched: 3, files: 0 });
    expect(await rpc('sources.list', {})).toHaveLength(3);
    expect(await rpc('collections.list', {})).toHaveLength(2);
  });

  it('reads the library while Zotero holds it locked in the middle of a write', async () => {
    const folder = tempDir();
    const { lib } = buildLibrary(folder);
    // as a running Zotero does: an exclusive lock, and a write not yet committed
    lib.db.pragma('locking_mode = EXCLUSIVE');
    lib.db.exec('BEGIN EXCLUSIVE');
    lib.item('book', { title: 'Uncommitted book' });
    try {
      const backend = tempBackend();
      const outcome = await rpcOf(backend)('references.importZotero', { folder });
      expect(outcome.created).toBe(3);
      const titles = (await rpcOf(backend)('sources.list', {})).map((s: Source) => s.csl.title);
      expect(titles).not.toContain('Uncommitted book');
    } finally {
      lib.db.exec('ROLLBACK');
      lib.close();
    }
  });

  it('says what is wrong with a damaged, foreign or newer-schema database, or a folder without one', async () => {
    const backend = tempBackend();
    const damaged = tempDir();
    writeFileSync(
      join(damaged, 'zotero.sqlite'),
      'this is not a database at all, just text'.repeat(50),
    );
    expect(
      (await failureOf(backend, 'references.importZotero', { folder: damaged })).message,
    ).toMatch(/Zotero's database is damaged or is not an SQLite database/);

    const newer = tempDir();
    new ZoteroLibraryBuilder(newer, { userdata: 140, compatibility: 12 }).close();
    expect(
      (await failureOf(backend, 'references.importZotero', { folder: newer })).message,
    ).toMatch(/written by a newer Zotero.*compatibility 12, Claimdesk reads up to 9/);

    const changed = tempDir();
    const lib = new ZoteroLibraryBuilder(changed);
    lib.db.exec('ALTER TABLE creators RENAME COLUMN lastName TO familyName');
    lib.close();
    expect(
      (await failureOf(backend, 'references.importZotero', { folder: changed })).message,
    ).toMatch(/tables are not the ones Claimdesk reads \(schema 122; missing creators\.lastName\)/);

    const foreign = tempDir();
    new Database(join(foreign, 'zotero.sqlite')).exec('CREATE TABLE t (x)').close();
    expect(
      (await failureOf(backend, 'references.importZotero', { folder: foreign })).message,
    ).toMatch(/not a Zotero library/);

    const empty = tempDir();
    expect(
      (await failureOf(backend, 'references.importZotero', { folder: empty })).message,
    ).toMatch(/not a Zotero data folder: it has no zotero\.sqlite/);
    expect(await rpcOf(backend)('sources.list', {})).toEqual([]);
  });

  it('an attachment that cannot be read is listed with the reason; its item is imported', async () => {
    const folder = tempDir();
    const lib = new ZoteroLibraryBuilder(folder);
    const item = lib.item('webpage', {
      title: 'A page saved as a broken PDF',
      url: 'https://example.org/a',
    });
    lib.attachment(item, {
      name: 'broken.pdf',
      contentType: 'application/pdf',
      bytes: enc('%PDF-1.4 truncated'),
    });
    lib.attachment(item, { name: 'photo.jpg', contentType: 'image/jpeg', bytes: enc('jpeg') });
    lib.close();
    const backend = tempBackend();
    const outcome = await rpcOf(backend)('references.importZotero', { folder });
    expect(outcome.created).toBe(1);
    expect(outcome.files).toBe(0);
    expect(outcome.failedFiles).toEqual([expect.stringMatching(/^broken\.pdf: /)]);
  });

  it('a zotero.sqlite picked as a references file is sent to the Zotero import, not parsed', async () => {
    const folder = tempDir();
    buildLibrary(folder).lib.close();
    const backend = tempBackend();
    const bytes = new Uint8Array(readFileSync(join(folder, 'zotero.sqlite')));
    const error = await failureOf(backend, 'references.import', { fileName: 'library.db', bytes });
    expect(error.message).toMatch(/is a database, not a references file.*Import Zotero library…/);
  });

  it('the CLI takes a Zotero folder', async () => {
    const folder = tempDir();
    buildLibrary(folder).lib.close();
    const backend = tempBackend();
    const result = (await importReferencesCommand(backend, folder)) as { created: number };
    expect(result.created).toBe(3);
  });

  it('reads Zotero dates: SQL-style with unknown parts as 00, then the text as typed', () => {
    expect(zoteroDate('2019-03-12 12 March 2019')).toEqual({ 'date-parts': [[2019, 3, 12]] });
    expect(zoteroDate('2019-00-00 2019')).toEqual({ 'date-parts': [[2019]] });
    expect(zoteroDate('0000-00-00 Spring term')).toEqual({ raw: 'Spring term' });
  });
});
