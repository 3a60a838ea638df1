import { describe, expect, it } from 'vitest';
import type { Entity, EntityId } from '../../shared/model';
import { addDocument } from '../test/add-document';
import { tempBackend } from '../test/workspace';
import { putEntity } from './entities';
import { createMention } from './mentions';
import type { Db } from './open';
import { search } from './search';
import { extractEntityOperators } from './search-by-entity';
import { searchLines } from '../cli-workspace';

const KHALIMOV = 'ent_0000000000aa' as EntityId;
const OTHER = 'ent_0000000000bb' as EntityId;

function person(id: EntityId, name: string, aliases: string[]): Entity {
  return {
    id,
    kind: 'person',
    name,
    aliases,
    description: '',
    externalIds: {},
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

/** Three documents naming one man three ways, and one that names him only by a tagged mention. */
function workspace() {
  const { db } = tempBackend();
  putEntity(db, person(KHALIMOV, 'Gulmurod Khalimov', ['Gumurod Halimov', 'Халимов']));
  putEntity(db, person(OTHER, 'Ivan Petrov', []));
  const docs = {
    full: addDocument(db, 'Colonel Gulmurod Khalimov left the country in 2015.', 'full'),
    alias: addDocument(db, 'Reports say Gumurod Halimov was seen in Raqqa.', 'alias'),
    cyrillic: addDocument(db, 'По данным источника, Халимов погиб в 2017 году.', 'cyrillic'),
    mention: addDocument(db, 'The former OMON commander spoke in a video.', 'mention'),
    unrelated: addDocument(db, 'Ivan Petrov wrote about the riot.', 'unrelated'),
  };
  const text = 'The former OMON commander spoke in a video.';
  const start = text.indexOf('former OMON commander');
  createMention(db, {
    documentId: docs.mention.id,
    entityId: KHALIMOV,
    start,
    end: start + 'former OMON commander'.length,
  });
  return { db, docs };
}

const find = (db: Db, query: string, documentId?: string) =>
  search(db, {
    query,
    limit: 20,
    kinds: ['passages'],
    ...(documentId ? { documentId } : {}),
  } as Parameters<typeof search>[1]).passages;

describe('alias-aware search', () => {
  it('a search for one of his names finds the passages that call him by the others, marked as such', () => {
    const { db, docs } = workspace();
    const hits = find(db, 'Halimov');
    // the direct match first, unmarked
    expect(hits[0]).toMatchObject({ documentId: docs.alias.id });
    expect(hits[0]!.via).toBeUndefined();
    const byDoc = new Map(hits.map((h) => [h.documentId, h]));
    expect(byDoc.get(docs.full.id)!.via).toEqual({
      entityId: KHALIMOV,
      entityName: 'Gulmurod Khalimov',
      as: 'name',
      text: 'Gulmurod Khalimov',
    });
    expect(byDoc.get(docs.cyrillic.id)!.via).toMatchObject({ as: 'alias', text: 'Халимов' });
    // the tagged mention, whatever its words, with the mention highlighted
    const mention = byDoc.get(docs.mention.id)!;
    expect(mention.via).toMatchObject({ as: 'mention', text: 'former OMON commander' });
    const [h] = mention.snippet.highlights;
    expect(mention.snippet.text.slice(h!.start, h!.end)).toBe('former OMON commander');
    expect(byDoc.has(docs.unrelated.id)).toBe(false);
    expect(hits).toHaveLength(4);
  });

  it('words that are not a name of anyone find only themselves', () => {
    const { db, docs } = workspace();
    const hits = find(db, 'riot');
    expect(hits.map((h) => h.documentId)).toEqual([docs.unrelated.id]);
    expect(hits[0]!.via).toBeUndefined();
    // an operator makes it a search, not a name
    expect(find(db, 'Halimov OR Raqqa').every((h) => h.via === undefined)).toBe(true);
  });

  it('entity:"…" finds every passage naming the entity, by name or alias, case aside', () => {
    const { db, docs } = workspace();
    for (const query of [
      'entity:"Gulmurod Khalimov"',
      'entity:"gumurod halimov"',
      'ENTITY:Халимов',
    ]) {
      const hits = find(db, query);
      expect(new Set(hits.map((h) => h.documentId)), query).toEqual(
        new Set([docs.full.id, docs.alias.id, docs.cyrillic.id, docs.mention.id]),
      );
      expect(hits.every((h) => h.via?.entityId === KHALIMOV)).toBe(true);
    }
  });

  it('entity:"…" with more words narrows to passages that also hold them, in one document too', () => {
    const { db, docs } = workspace();
    expect(find(db, 'entity:"Gulmurod Khalimov" Raqqa').map((h) => h.documentId)).toEqual([
      docs.alias.id,
    ]);
    expect(find(db, 'entity:"Gulmurod Khalimov" video').map((h) => h.via?.as)).toEqual(['mention']);
    expect(find(db, 'entity:"Gulmurod Khalimov"', docs.cyrillic.id)).toHaveLength(1);
  });

  it('an unknown entity is a clear refusal', () => {
    const { db } = workspace();
    expect(() => find(db, 'entity:"Nobody Known"')).toThrow(/no entity is named "Nobody Known"/);
    expect(() => find(db, 'entity:""')).toThrow(/needs a name/);
  });

  it('reads the operator anywhere in a query, quoted or as one word', () => {
    expect(extractEntityOperators('riot entity:"Gulmurod Khalimov" prison')).toEqual({
      names: ['Gulmurod Khalimov'],
      rest: 'riot   prison',
    });
    expect(extractEntityOperators('(entity:Khalimov OR x)')).toEqual({
      names: ['Khalimov'],
      rest: '(  OR x)',
    });
    // a word that merely contains it is not the operator
    expect(extractEntityOperators('nonentity:x').names).toEqual([]);
  });

  it('the CLI lines say how a passage names the entity', () => {
    const { db } = workspace();
    const lines = searchLines(search(db, { query: 'entity:Халимов', limit: 20 })) as {
      kind: string;
      via?: { as: string };
    }[];
    const passages = lines.filter((l) => l.kind === 'passage');
    expect(passages.map((l) => l.via?.as).sort()).toEqual(['alias', 'alias', 'mention', 'name']);
  });
});
