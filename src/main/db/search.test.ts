import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Claim, Entity, EntityId } from '../../shared/model';
import { importDocument } from '../documents';
import { SAMPLE_TEXT, enc, tempBackend, tempDir } from '../test/workspace';
import { createClaim, deleteClaim, updateClaim } from './claims';
import { putEntity } from './entities';
import { redo, undo } from './history';
import { migrate } from './migrate';
import { MIGRATIONS } from './migrations';
import { DATABASE_FILE, openWorkspaceDb, type Db } from './open';
import { RANK_AT_MOST, search } from './search';
import { chunkDocument } from './search-index';
import { CLOSE, OPEN } from './snippet';
import { insertSchema1Document } from '../test/old-schema';

async function workspace() {
  const backend = tempBackend();
  const { document } = await importDocument(backend.db, {
    fileName: 'khujand.txt',
    bytes: enc(SAMPLE_TEXT),
  });
  return { db: backend.db, doc: document };
}

const find = (db: Db, query: string, extra: Partial<Parameters<typeof search>[1]> = {}) =>
  search(db, { query, limit: 20, ...extra });

const highlighted = (s: { text: string; highlights: { start: number; end: number }[] }) =>
  s.highlights.map((h) => s.text.slice(h.start, h.end));

function entity(id: string, name: string, aliases: string[] = []): Entity {
  return {
    id: id as EntityId,
    kind: 'person',
    name,
    aliases,
    description: '',
    externalIds: {},
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

describe('full-text search', () => {
  it('finds passages with canonical offsets of the match and a plain-text snippet', async () => {
    const { db, doc } = await workspace();
    const result = find(db, 'Khujand');
    expect(result.passages.length).toBe(2);
    for (const hit of result.passages) {
      expect(hit.documentId).toBe(doc.id);
      expect(hit.documentTitle).toBe(doc.meta.title);
      expect(SAMPLE_TEXT.slice(hit.start, hit.end)).toBe('Khujand');
      expect(highlighted(hit.snippet)).toContain('Khujand');
      expect(hit.snippet.text).not.toMatch(/[<>]/);
      expect(hit.snippet.text).not.toContain(OPEN);
      expect(hit.snippet.text).not.toContain(CLOSE);
    }
  });

  it('supports phrase, prefix and boolean queries', async () => {
    const { db } = await workspace();
    const phrase = find(db, '"prison riot"').passages;
    expect(phrase).toHaveLength(1);
    expect(SAMPLE_TEXT.slice(phrase[0]!.start, phrase[0]!.end)).toBe('Prison riot');
    expect(find(db, '"riot prison"').passages).toHaveLength(0);

    const prefix = find(db, 'Khuj*').passages;
    expect(prefix).toHaveLength(2);
    expect(find(db, 'Khuj').passages).toHaveLength(0);

    expect(find(db, 'riot AND Khalimov').passages).toHaveLength(0);
    expect(find(db, 'riot OR Khalimov').passages).toHaveLength(3);
    expect(find(db, 'Khujand NOT figure').passages).toHaveLength(1);
    expect(find(db, 'Khujand AND NOT figure').passages).toHaveLength(1);
    expect(find(db, '(ISIS OR riot) AND (2015 OR reportedly)').passages).toHaveLength(2);
    expect(find(db, '"prison riot" AND Khujand*').passages).toHaveLength(1);
  });

  it('quotes plain words so punctuation is text, not syntax', async () => {
    const { db } = await workspace();
    expect(find(db, 'non-governmental sources').passages).toHaveLength(1);
    expect(find(db, 'figure: closer').passages).toHaveLength(1);
    // lower-case operators are words
    expect(find(db, 'riot in prison').passages).toHaveLength(2);
    expect(find(db, 'riot or prison').passages).toHaveLength(0);
    expect(find(db, ' — … ').passages).toHaveLength(0);
  });

  it('is diacritic- and case-insensitive, Cyrillic included', async () => {
    const { db } = await workspace();
    await importDocument(db, {
      fileName: 'cafe.txt',
      bytes: enc('Le café de São Paulo.\n\nЁлка у Худжанда, ещё раз.'),
    });
    expect(find(db, 'CAFE').passages).toHaveLength(1);
    expect(find(db, 'sao paulo').passages).toHaveLength(1);
    const cyrillic = find(db, 'местные').passages;
    expect(cyrillic).toHaveLength(1);
    expect(SAMPLE_TEXT.slice(cyrillic[0]!.start, cyrillic[0]!.end)).toBe('Местные');
    expect(find(db, 'КОЛОНИ*').passages).toHaveLength(1);
    // ё and е are one letter for search, and the snippet keeps the original spelling
    const yo = find(db, 'елка').passages;
    expect(yo).toHaveLength(1);
    expect(highlighted(yo[0]!.snippet)).toEqual(['Ёлка']);
    expect(find(db, 'ещё').passages).toHaveLength(1);
  });

  it('gives code-unit offsets that survive an emoji before the match', async () => {
    const { db } = await workspace();
    const hit = find(db, 'колонии').passages[0]!;
    expect(SAMPLE_TEXT.slice(hit.start, hit.end)).toBe('колонии');
  });

  it('explains syntax mistakes as invalid input', async () => {
    const { db } = await workspace();
    for (const [query, message] of [
      ['"prison riot', /quotation mark/],
      ['(riot OR prison', /not closed/],
      ['riot)', /no opening/],
      ['riot AND', /needs a word/],
      ['NOT riot', /write what to find first/],
      ['riot OR OR prison', /both sides/],
      ['()', /empty/],
    ] as const) {
      expect(() => find(db, query), query).toThrow(message);
      try {
        find(db, query);
      } catch (error) {
        expect((error as { code: string }).code).toBe('invalid_input');
      }
    }
  });

  it('searches claims and entities, and restricts to one document', async () => {
    const { db, doc } = await workspace();
    const other = await importDocument(db, { fileName: 'other.txt', bytes: enc('Khujand again.') });
    const start = SAMPLE_TEXT.indexOf('a riot in the Khujand prison');
    const claim = createClaim(db, { documentId: doc.id, spans: [{ start, end: start + 28 }] });
    updateClaim(db, claim.id, { statement: 'Riot at the prison', note: 'Ask the Ombudsman' });
    putEntity(db, entity('ent_0123456789ab', 'Gulmurod Khalimov', ['Gumurod Halimov', 'Халимов']));

    const claims = find(db, 'ombudsman').claims;
    expect(claims).toHaveLength(1);
    expect(claims[0]).toMatchObject({ claimId: claim.id, field: 'note', start, end: start + 28 });
    expect(highlighted(claims[0]!.snippet)).toEqual(['Ombudsman']);
    expect(find(db, 'khujand').claims[0]).toMatchObject({ field: 'quote' });

    const byAlias = find(db, 'halimov').entities;
    expect(byAlias).toHaveLength(1);
    expect(byAlias[0]).toMatchObject({ name: 'Gulmurod Khalimov', field: 'alias' });
    expect(byAlias[0]!.snippet.text).toBe('Gumurod Halimov');
    expect(highlighted(byAlias[0]!.snippet)).toEqual(['Halimov']);
    expect(find(db, 'ХАЛИМОВ').entities[0]!.snippet.text).toBe('Халимов');
    expect(find(db, 'gulmurod').entities[0]).toMatchObject({ field: 'name' });

    expect(find(db, 'Khujand').passages.map((p) => p.documentId)).toContain(other.document.id);
    const inDoc = find(db, 'Khujand', { documentId: other.document.id });
    expect(inDoc.passages.map((p) => p.documentId)).toEqual([other.document.id]);
    expect(inDoc.claims).toEqual([]);
    expect(find(db, 'khujand', { kinds: ['entities'] }).passages).toEqual([]);
    const limited = find(db, 'Khujand', { limit: 1 });
    expect(limited.passages).toHaveLength(1);
    expect(limited.more.passages).toBe(true);
  });

  it('keeps the index in step through update, delete, undo and redo', async () => {
    const { db, doc } = await workspace();
    const claim: Claim = createClaim(db, { documentId: doc.id, spans: [{ start: 0, end: 11 }] });
    updateClaim(db, claim.id, { statement: 'zebra crossing' });
    expect(find(db, 'zebra').claims).toHaveLength(1);
    updateClaim(db, claim.id, { statement: 'giraffe' });
    expect(find(db, 'zebra').claims).toHaveLength(0);
    expect(find(db, 'giraffe').claims).toHaveLength(1);
    undo(db);
    expect(find(db, 'zebra').claims).toHaveLength(1);
    expect(find(db, 'giraffe').claims).toHaveLength(0);
    redo(db);
    expect(find(db, 'giraffe').claims).toHaveLength(1);
    deleteClaim(db, claim.id);
    expect(find(db, 'giraffe').claims).toHaveLength(0);
    undo(db);
    expect(find(db, 'giraffe').claims).toHaveLength(1);
    expect(find(db, '"Prison riot"', { kinds: ['claims'] }).claims).toHaveLength(1);
    // no orphaned index rows: one index row per claim
    expect(db.prepare('SELECT count(*) AS n FROM search_claims').get()).toEqual({ n: 1 });

    putEntity(db, entity('ent_0123456789ab', 'Khalimov', ['Halimov']));
    putEntity(db, entity('ent_0123456789ab', 'Khalimov', ['Xalimov']));
    expect(find(db, 'halimov').entities).toHaveLength(0);
    expect(find(db, 'xalimov').entities).toHaveLength(1);
    db.prepare('DELETE FROM entities WHERE id = ?').run('ent_0123456789ab');
    expect(find(db, 'khalimov').entities).toHaveLength(0);

    db.prepare('DELETE FROM documents WHERE id = ?').run(doc.id);
    expect(find(db, 'Khujand').passages).toHaveLength(0);
    expect(find(db, 'giraffe').claims).toHaveLength(0);
    expect(db.prepare('SELECT count(*) AS n FROM search_chunks').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM search_keys').get()).toEqual({ n: 0 });
  });

  it('migration 0002 indexes what a schema-1 workspace already holds', async () => {
    const dir = tempDir();
    const old = new Database(join(dir, DATABASE_FILE));
    old.pragma('foreign_keys = ON');
    migrate(old, MIGRATIONS.slice(0, 1));
    const doc = insertSchema1Document(old, {
      text: SAMPLE_TEXT,
      title: 'Old',
    });
    // rows as schema 1 holds them (today's writers know later columns)
    const claim = { id: 'clm_0123456789ab' };
    const at = '2026-01-01T00:00:00.000Z';
    old
      .prepare(
        `INSERT INTO claims (id, document_id, statement, claimant_id, type, stance, certainty,
           hedges, event_date, place_id, note, status, created_at, updated_at)
         VALUES (?, ?, ?, NULL, 'other', 'asserts', NULL, '[]', NULL, NULL, 'Ombudsman', 'draft', ?, ?)`,
      )
      .run(claim.id, doc.id, SAMPLE_TEXT.slice(0, 11), at, at);
    old
      .prepare(
        `INSERT INTO claim_spans (claim_id, ordinal, start, end, exact, prefix, suffix)
         VALUES (?, 0, 0, 11, ?, '', ?)`,
      )
      .run(claim.id, SAMPLE_TEXT.slice(0, 11), SAMPLE_TEXT.slice(11, 43));
    old
      .prepare(
        `INSERT INTO entities (id, kind, name, created_at, updated_at)
         VALUES ('ent_0123456789ab', 'person', 'Gulmurod Khalimov', ?, ?)`,
      )
      .run(at, at);
    old.prepare(`INSERT INTO entity_aliases VALUES ('ent_0123456789ab', 'Halimov')`).run();
    old.close();

    const db = openWorkspaceDb(dir);
    try {
      const result = find(db, 'Khujand OR ombudsman OR halimov');
      // the title, the riot paragraph and the alias paragraph
      expect(result.passages.map((p) => p.documentId)).toEqual([doc.id, doc.id, doc.id]);
      expect(result.claims.map((c) => c.claimId)).toEqual([claim.id]);
      expect(result.entities.map((e) => e.name)).toEqual(['Gulmurod Khalimov']);
    } finally {
      db.close();
    }
  });
});

describe('search ordering', () => {
  it('ranks by relevance, reads one document in order, and falls back to newest first past RANK_AT_MOST', async () => {
    const { db, doc } = await workspace();
    const all = find(db, 'Khujand OR Khalimov');
    expect(all.order.passages).toBe('relevance');
    expect(all.passages[0]!.score).toBeLessThan(0);
    const inDoc = find(db, 'Khujand OR Khalimov', { documentId: doc.id });
    expect(inDoc.order.passages).toBe('position');
    const starts = inDoc.passages.map((p) => p.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));

    const lines = Array.from({ length: RANK_AT_MOST + 1 }, (_, i) => `zebra number ${i}`).join(
      '\n\n',
    );
    const { document: many } = await importDocument(db, {
      fileName: 'many.txt',
      bytes: enc(lines),
    });
    await importDocument(db, { fileName: 'later.txt', bytes: enc('A later zebra.') });
    const common = find(db, 'zebra', { kinds: ['passages'], limit: 3 });
    expect(common.order.passages).toBe('newest');
    expect(common.more.passages).toBe(true);
    expect(common.passages.map((p) => p.score)).toEqual([0, 0, 0]);
    expect(common.passages[0]!.documentId).not.toBe(many.id); // the later document comes first
    expect(common.passages[1]!.snippet.text).toBe(`zebra number ${RANK_AT_MOST}`);
  });
});

describe('chunkDocument', () => {
  it('keeps blocks, cuts long ones at spaces and never crosses a page', () => {
    const words = Array.from({ length: 1500 }, (_, i) => `word${i}`).join(' ');
    const text = `${words}\n\nshort one\n\nnext page`;
    const a = words.length + 2;
    const c = a + 'short one'.length + 2;
    const blocks = [
      { type: 'paragraph' as const, start: 0, end: words.length },
      { type: 'paragraph' as const, start: a, end: text.length },
    ];
    const pages = [
      { index: 0, label: '1', start: 0, end: c },
      { index: 1, label: '2', start: c, end: text.length },
    ];
    const chunks = chunkDocument(text, blocks, pages);
    const long = chunks.filter((ch) => ch.end <= words.length);
    expect(long.length).toBeGreaterThan(1);
    for (const chunk of long) expect(chunk.end - chunk.start).toBeLessThanOrEqual(2000);
    // contiguous over the block, and cut between words, not inside one
    expect(long.map((ch) => ch.start)).toEqual([0, ...long.slice(0, -1).map((ch) => ch.end)]);
    for (const chunk of long.slice(0, -1)) expect(text[chunk.end - 1]).toBe(' ');
    expect(chunks.slice(long.length)).toEqual([
      { start: a, end: c },
      { start: c, end: text.length },
    ]);
  });

  it('falls back to blank-line paragraphs when a document has no blocks', () => {
    const text = 'one\n\ntwo\n \nthree';
    expect(chunkDocument(text, [], [])).toEqual([
      { start: 0, end: 3 },
      { start: 5, end: 8 },
      { start: 11, end: 16 },
    ]);
  });
});
