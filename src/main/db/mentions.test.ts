import { describe, expect, it } from 'vitest';
import { openBackend } from '../backend';
import { addDocument } from '../test/add-document';
import { failureOf, rpcOf } from '../test/rpc';
import { SAMPLE_TEXT, tempBackend, tempDir } from '../test/workspace';
import { scanDocumentForMentions } from './mentions';

const span = (text: string, s: string, from = 0) => ({
  start: text.indexOf(s, from),
  end: text.indexOf(s, from) + s.length,
});

describe('mentions', () => {
  it('marks a passage with a quote built from the stored text, trimming stray whitespace', async () => {
    const backend = tempBackend();
    const rpc = rpcOf(backend);
    const doc = addDocument(backend.db, SAMPLE_TEXT, 'Khujand');
    const person = await rpc('entities.create', { kind: 'person', name: 'Gulmurod Khalimov' });
    const { start, end } = span(SAMPLE_TEXT, 'Gulmurod Khalimov');
    const mention = await rpc('mentions.create', {
      documentId: doc.id,
      entityId: person.id,
      start: start - 2,
      end,
    });
    expect(mention).toMatchObject({
      documentId: doc.id,
      entityId: person.id,
      entityName: 'Gulmurod Khalimov',
      entityKind: 'person',
      documentTitle: 'Khujand',
      anchor: {
        start,
        end,
        exact: 'Gulmurod Khalimov',
        prefix: SAMPLE_TEXT.slice(start - 32, start),
        suffix: SAMPLE_TEXT.slice(end, end + 32),
      },
    });
    expect(await rpc('mentions.list', { documentId: doc.id })).toEqual([mention]);
    expect(await rpc('mentions.list', { entityId: person.id })).toEqual([mention]);

    const again = await failureOf(backend, 'mentions.create', {
      documentId: doc.id,
      entityId: person.id,
      start,
      end,
    });
    expect(again).toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/already marked as a mention of "Gulmurod Khalimov"/),
    });
    const outside = await failureOf(backend, 'mentions.create', {
      documentId: doc.id,
      entityId: person.id,
      start: 5,
      end: 100_000,
    });
    expect(outside).toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/outside this document/),
    });
    const blank = SAMPLE_TEXT.indexOf('\n\n');
    expect(
      (
        await failureOf(backend, 'mentions.create', {
          documentId: doc.id,
          entityId: person.id,
          start: blank,
          end: blank + 2,
        })
      ).code,
    ).toBe('invalid_input');
    expect(
      (
        await failureOf(backend, 'mentions.create', {
          documentId: doc.id,
          entityId: 'ent_0123456789',
          start,
          end,
        })
      ).code,
    ).toBe('not_found');

    const { deleted } = await rpc('mentions.delete', { id: mention.id });
    expect(deleted.id).toBe(mention.id);
    expect(await rpc('mentions.list', {})).toEqual([]);
    expect(await rpc('history.undo', {})).toMatchObject({
      label: 'delete mention',
      documentIds: [doc.id],
    });
    expect(await rpc('mentions.list', {})).toEqual([mention]);
    expect(await rpc('history.undo', {})).toMatchObject({ label: 'create mention' });
    expect(await rpc('mentions.list', {})).toEqual([]);
  });
});

describe('suggested mentions', () => {
  it('finds a person under the name and the alias across documents, and accepts them in one undoable step', async () => {
    const backend = tempBackend();
    const rpc = rpcOf(backend);
    const khujand = addDocument(backend.db, SAMPLE_TEXT, 'Khujand');
    const other =
      'Tajikistan’s security chief, Gumurod Halímov, has gone over to ISIS amid a crisis. Halimov’s videos…';
    const opinion = addDocument(backend.db, other, 'Opinion');
    const person = await rpc('entities.create', {
      kind: 'person',
      name: 'Gulmurod Khalimov',
      aliases: ['Gumurod Halimov', 'Halimov'],
    });
    const isis = await rpc('entities.create', { kind: 'organization', name: 'ISIS' });

    const { candidates, total } = await rpc('mentions.suggest', {});
    expect(total).toBe(candidates.length);
    expect(candidates.map((c) => [c.documentTitle, c.entityName, c.matched, c.exact])).toEqual([
      ['Khujand', 'Gulmurod Khalimov', 'Gulmurod Khalimov', 'Gulmurod Khalimov'],
      ['Khujand', 'Gulmurod Khalimov', 'Gumurod Halimov', 'Gumurod Halimov'],
      ['Khujand', 'ISIS', 'ISIS', 'ISIS'],
      ['Opinion', 'Gulmurod Khalimov', 'Gumurod Halimov', 'Gumurod Halímov'],
      ['Opinion', 'ISIS', 'ISIS', 'ISIS'],
      ['Opinion', 'Gulmurod Khalimov', 'Halimov', 'Halimov'],
    ]);
    for (const c of candidates) {
      const text = c.documentId === khujand.id ? SAMPLE_TEXT : other;
      expect(text.slice(c.start, c.end)).toBe(c.exact);
      expect(c.prefix).toBe(text.slice(Math.max(0, c.start - 32), c.start));
    }
    expect(
      (await rpc('mentions.suggest', { documentId: opinion.id, entityId: isis.id })).candidates,
    ).toHaveLength(1);

    const mine = candidates.filter((c) => c.entityId === person.id);
    const { created, skipped } = await rpc('mentions.accept', {
      candidates: [...mine, mine[0]!].map(({ documentId, entityId, start, end }) => ({
        documentId,
        entityId,
        start,
        end,
      })),
    });
    expect(created.map((m) => m.anchor.exact)).toEqual([
      'Gulmurod Khalimov',
      'Gumurod Halimov',
      'Gumurod Halímov',
      'Halimov',
    ]);
    expect(skipped).toBe(1);
    // accepted passages are no longer suggested
    expect((await rpc('mentions.suggest', {})).candidates.map((c) => c.entityName)).toEqual([
      'ISIS',
      'ISIS',
    ]);

    expect(await rpc('history.undo', {})).toMatchObject({ label: 'accept 4 mentions' });
    expect(await rpc('mentions.list', {})).toEqual([]);
    expect((await rpc('mentions.suggest', {})).candidates).toEqual(candidates);
    expect(await rpc('history.redo', {})).toMatchObject({ label: 'accept 4 mentions' });
    expect(await rpc('mentions.list', { entityId: person.id })).toEqual(created);
  });

  it('does not suggest passages already marked for the entity, even partly', async () => {
    const backend = tempBackend();
    const rpc = rpcOf(backend);
    const doc = addDocument(backend.db, SAMPLE_TEXT, 'Khujand');
    const person = await rpc('entities.create', { kind: 'person', name: 'Gulmurod Khalimov' });
    const other = await rpc('entities.create', { kind: 'person', name: 'Khalimov' });
    const { start, end } = span(SAMPLE_TEXT, 'Khalimov');
    await rpc('mentions.create', { documentId: doc.id, entityId: person.id, start, end });
    // the longer name overlaps the marked surname: not offered again for the same person...
    expect((await rpc('mentions.suggest', { entityId: person.id })).candidates).toEqual([]);
    // ...but still for another entity
    expect(
      (await rpc('mentions.suggest', { entityId: other.id })).candidates.map((c) => c.exact),
    ).toEqual(['Khalimov']);
  });

  it('keeps dismissed suggestions dismissed, across a reopen; undo brings them back', async () => {
    const dir = tempDir();
    let backend = openBackend(dir, 'cli');
    try {
      const doc = addDocument(backend.db, SAMPLE_TEXT, 'Khujand');
      const isis = await rpcOf(backend)('entities.create', { kind: 'organization', name: 'ISIS' });
      const [candidate] = (await rpcOf(backend)('mentions.suggest', { documentId: doc.id }))
        .candidates;
      expect(candidate).toMatchObject({ entityId: isis.id, exact: 'ISIS' });
      const ref = {
        documentId: doc.id,
        entityId: isis.id,
        start: candidate!.start,
        end: candidate!.end,
      };
      expect(await rpcOf(backend)('mentions.dismiss', { candidates: [ref, ref] })).toEqual({
        dismissed: 1,
      });
      expect((await rpcOf(backend)('mentions.suggest', {})).total).toBe(0);

      backend.close();
      backend = openBackend(dir, 'cli');
      const rpc = rpcOf(backend);
      expect((await rpc('mentions.suggest', {})).total).toBe(0);
      expect(await rpc('history.undo', {})).toMatchObject({ label: 'dismiss 1 suggestion' });
      expect((await rpc('mentions.suggest', {})).candidates).toEqual([candidate]);
    } finally {
      backend.close();
    }
  });

  it('finds Cyrillic names and maps offsets to the original text through decomposed accents and emoji', async () => {
    const backend = tempBackend();
    const rpc = rpcOf(backend);
    const text =
      'Cafe\u0301 🙂 Гулмурод Халимов 🙂, ГУЛМУРОД ХАЛИМОВ; Jose\u0301 Marti\u0301 and José Martí. Халимова.';
    const doc = addDocument(backend.db, text, 'Mixed');
    await rpc('entities.create', { kind: 'person', name: 'Гулмурод Халимов' });
    await rpc('entities.create', { kind: 'person', name: 'Jose Marti' });
    const { candidates } = await rpc('mentions.suggest', { documentId: doc.id });
    expect(candidates.map((c) => c.exact)).toEqual([
      'Гулмурод Халимов',
      'ГУЛМУРОД ХАЛИМОВ',
      'Jose\u0301 Marti\u0301',
      'José Martí',
    ]);
    // the API counts code points: the emoji before each name is one
    const points = [...text];
    for (const c of candidates) expect(points.slice(c.start, c.end).join('')).toBe(c.exact);
    expect(candidates[0]!.start).toBe(points.indexOf('Г'));
  });

  it('scans a new document for every entity, suggesting without accepting', async () => {
    const backend = tempBackend();
    const rpc = rpcOf(backend);
    await rpc('entities.create', {
      kind: 'person',
      name: 'Gulmurod Khalimov',
      aliases: ['Gumurod Halimov'],
    });
    const doc = addDocument(backend.db, SAMPLE_TEXT, 'Khujand');
    const scan = scanDocumentForMentions(backend.db, doc.id);
    expect(scan.candidates.map((c) => c.exact)).toEqual(['Gulmurod Khalimov', 'Gumurod Halimov']);
    expect(await rpc('mentions.list', {})).toEqual([]);
    expect(await rpc('mentions.suggest', { documentId: doc.id })).toEqual(scan);
  });

  it('suggests over hundreds of pages and thousands of entities', async () => {
    const backend = tempBackend();
    const paragraph =
      'Tajikistan’s security chief Gulmurod Khalimov defected to ISIS in 2015, officials in Dushanbe said. ';
    const doc = addDocument(backend.db, paragraph.repeat(8_000), 'Long'); // ~800,000 characters
    const insert = backend.db.prepare(
      `INSERT INTO entities (id, kind, name, created_at, updated_at) VALUES (?, 'person', ?, '', '')`,
    );
    backend.db.transaction(() => {
      for (let i = 0; i < 3000; i++)
        insert.run(`ent_${i.toString(16).padStart(8, '0')}`, `Person${i} Surname${i}`);
    })();
    await rpcOf(backend)('entities.create', { kind: 'person', name: 'Gulmurod Khalimov' });
    const { total, candidates } = await rpcOf(backend)('mentions.suggest', {
      documentId: doc.id,
      limit: 100,
    });
    expect(total).toBe(8_000);
    expect(candidates).toHaveLength(100);
  });
});
