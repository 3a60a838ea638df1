import { describe, expect, it } from 'vitest';
import type { Entity, EntityId } from '../../shared/model';
import { importDocument } from '../documents';
import { SAMPLE_TEXT, enc, tempBackend } from '../test/workspace';
import { getDocumentText } from './documents';
import { putEntity } from './entities';
import { suggestMentions } from './mentions';
import { search } from './search';
import { attachDocument } from './sources';

/** The same work twice: as a text file, and as Markdown with a heading above (other offsets). */
async function oneWorkTwoFiles() {
  const { db } = tempBackend();
  const txt = (await importDocument(db, { fileName: 'khujand.txt', bytes: enc(SAMPLE_TEXT) }))
    .document;
  const md = (
    await importDocument(db, {
      fileName: 'khujand.md',
      bytes: enc(`# Prison report\n\n${SAMPLE_TEXT.replace(/\n\n/g, '\n\n\n')}`),
    })
  ).document;
  const other = (
    await importDocument(db, {
      fileName: 'other.txt',
      bytes: enc('Another work: Gulmurod Khalimov was seen in Raqqa.'),
    })
  ).document;
  return { db, txt, md, other };
}

const khalimov: Entity = {
  id: 'ent_0000000000000001' as EntityId,
  kind: 'person',
  name: 'Gulmurod Khalimov',
  aliases: [],
  description: '',
  externalIds: {},
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('hits grouped by source', () => {
  it('finds a passage of two files of one work once, with the place in each file', async () => {
    const { db, txt, md, other } = await oneWorkTwoFiles();
    const before = search(db, { query: 'Khalimov', limit: 20 }).passages;
    expect(before.map((h) => h.documentId).sort()).toEqual([txt.id, md.id, other.id].sort());

    attachDocument(db, md.id, txt.sourceId);
    const hits = search(db, { query: 'Khalimov', limit: 20 }).passages;
    expect(hits).toHaveLength(2);
    const work = hits.find((h) => h.sourceId === txt.sourceId)!;
    const places = [work, ...work.also];
    expect(places.map((p) => p.documentId).sort()).toEqual([txt.id, md.id].sort());
    for (const p of places)
      expect(getDocumentText(db, p.documentId).slice(p.start, p.end)).toBe('Khalimov');
    expect(places[0]!.start).not.toBe(places[1]!.start);
    // the other work's passage stays its own hit
    expect(hits.find((h) => h.sourceId === other.sourceId)?.also).toEqual([]);
    // inside one document nothing is folded
    expect(search(db, { query: 'Khalimov', limit: 20, documentId: md.id }).passages).toHaveLength(
      1,
    );
  });

  it('suggests a mention once per work, and counts it once', async () => {
    const { db, txt, md } = await oneWorkTwoFiles();
    putEntity(db, khalimov);
    expect(suggestMentions(db).total).toBe(3);
    attachDocument(db, md.id, txt.sourceId);
    const { candidates, total } = suggestMentions(db);
    expect(total).toBe(2);
    const work = candidates.find((c) => c.sourceId === txt.sourceId)!;
    expect([work.documentId, ...work.also.map((p) => p.documentId)].sort()).toEqual(
      [txt.id, md.id].sort(),
    );
    expect(work.also[0]!.end - work.also[0]!.start).toBe('Gulmurod Khalimov'.length);
  });
});
