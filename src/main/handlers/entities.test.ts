import { describe, expect, it } from 'vitest';
import { addDocument } from '../test/add-document';
import { failureOf, rpcOf } from '../test/rpc';
import { SAMPLE_TEXT, tempBackend } from '../test/workspace';

describe('entities', () => {
  it('creates, edits, lists with counts and filters, and undoes', async () => {
    const backend = tempBackend();
    const rpc = rpcOf(backend);
    const person = await rpc('entities.create', {
      kind: 'person',
      name: '  Gulmurod Khalimov ',
      aliases: ['Gumurod Halimov', ' gumurod halímov ', 'Gulmurod Khalimov', ''].filter(Boolean),
      externalIds: { wikidata: 'Q20037335' },
    });
    // trimmed, and spellings that fold to the name or to another alias are not kept twice
    expect(person).toMatchObject({
      name: 'Gulmurod Khalimov',
      aliases: ['Gumurod Halimov'],
      description: '',
      externalIds: { wikidata: 'Q20037335' },
    });
    const place = await rpc('entities.create', { kind: 'place', name: 'Khujand' });
    const doc = addDocument(backend.db, SAMPLE_TEXT, 'Khujand');
    const at = SAMPLE_TEXT.indexOf('Khujand prison');
    await rpc('mentions.create', {
      documentId: doc.id,
      entityId: place.id,
      start: at,
      end: at + 7,
    });
    const claim = await rpc('claims.create', {
      documentId: doc.id,
      spans: [{ start: at, end: at + 30 }],
    });
    await rpc('claims.update', {
      id: claim.id,
      patch: { placeId: place.id, subjectIds: [person.id] },
    });

    const list = await rpc('entities.list', {});
    expect(list.map((e) => [e.kind, e.name, e.mentionCount, e.claimCount])).toEqual([
      ['person', 'Gulmurod Khalimov', 0, 1],
      ['place', 'Khujand', 1, 1],
    ]);
    expect((await rpc('entities.list', { kind: 'place' })).map((e) => e.name)).toEqual(['Khujand']);
    expect((await rpc('entities.list', { query: 'HALÍM' })).map((e) => e.name)).toEqual([
      'Gulmurod Khalimov',
    ]);

    const edited = await rpc('entities.update', {
      id: person.id,
      patch: {
        description: 'Former OMON commander',
        aliases: ['Gumurod Halimov', 'Гулмурод Халимов'],
      },
    });
    expect(edited).toMatchObject({
      description: 'Former OMON commander',
      aliases: ['Gumurod Halimov', 'Гулмурод Халимов'],
    });
    expect(await rpc('history.undo', {})).toMatchObject({ label: 'edit entity' });
    expect((await rpc('entities.get', { id: person.id })).entity).toMatchObject({
      description: '',
      aliases: ['Gumurod Halimov'],
    });

    const detail = await rpc('entities.get', { id: place.id });
    expect(detail.mentions.map((m) => [m.documentTitle, m.anchor.exact])).toEqual([
      ['Khujand', 'Khujand'],
    ]);
    expect(detail.claims.map((c) => [c.claim.id, c.documentTitle, c.roles])).toEqual([
      [claim.id, 'Khujand', ['place']],
    ]);
  });

  it('checks kinds against the workspace list and identifiers by shape', async () => {
    const backend = tempBackend();
    const kind = await failureOf(backend, 'entities.create', { kind: 'weapon', name: 'AK-47' });
    expect(kind).toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(
        /"weapon" is not one of this workspace's entity kinds \(person, organization, place, event, other\)/,
      ),
    });
    const qid = await failureOf(backend, 'entities.create', {
      kind: 'person',
      name: 'X',
      externalIds: { wikidata: 'Khalimov' },
    });
    expect(qid).toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/Wikidata item id/),
    });
    const url = await failureOf(backend, 'entities.create', {
      kind: 'person',
      name: 'X',
      externalIds: { url: 'javascript:alert(1)' },
    });
    expect(url.code).toBe('invalid_input');
    expect(
      (await failureOf(backend, 'entities.create', { kind: 'person', name: '   ' })).code,
    ).toBe('invalid_input');
  });
});

describe('entities.search', () => {
  async function people(names: [string, string[]?][]) {
    const backend = tempBackend();
    const rpc = rpcOf(backend);
    for (const [name, aliases] of names)
      await rpc('entities.create', { kind: 'person', name, aliases: aliases ?? [] });
    return { backend, rpc };
  }

  it('ranks exact > prefix > word prefix > close spelling > substring > subsequence', async () => {
    const { rpc } = await people([
      ['Khalimova Street'], // prefix
      ['Gulmurod Khalimov'], // word prefix ("khalimov" starts the second word)
      ['Tashkhalimovo'], // substring
      ['Khalimov'], // exact
      ['Kalimov'], // close spelling (one letter missing from the query)
      ['Khan Aliev Movement'], // subsequence
      ['Ivanov'], // nothing
    ]);
    const hits = await rpc('entities.search', { query: 'khalimov', limit: 20 });
    expect(hits.map((h) => [h.entity.name, h.quality])).toEqual([
      ['Khalimov', 'exact'],
      ['Khalimova Street', 'prefix'],
      ['Gulmurod Khalimov', 'word-prefix'],
      ['Kalimov', 'typo'],
      ['Tashkhalimovo', 'substring'],
      ['Khan Aliev Movement', 'subsequence'],
    ]);
    expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
  });

  it('ignores case and diacritics, searches aliases, and surfaces duplicates', async () => {
    const { rpc } = await people([
      ['Gulmurod Khalimov', ['Gumurod Halimov', 'Гулмурод Халимов']],
      ['Gulmurod Khalimov'],
      ['Halima Begum'],
    ]);
    const hits = await rpc('entities.search', { query: 'HALÍMOV', limit: 20 });
    expect(hits[0]).toMatchObject({ matched: 'Gumurod Halimov', quality: 'word-prefix' });
    const dupes = await rpc('entities.search', { query: 'gulmurod khalimov', limit: 20 });
    expect(dupes.filter((h) => h.quality === 'exact')).toHaveLength(2);
    expect((await rpc('entities.search', { query: 'халимов', limit: 20 }))[0]?.matched).toBe(
      'Гулмурод Халимов',
    );
    // words in any order, each the start of a word of the name
    expect((await rpc('entities.search', { query: 'khal gul', limit: 20 }))[0]).toMatchObject({
      quality: 'word-prefix',
    });
    expect(await rpc('entities.search', { query: '   ', limit: 20 })).toEqual([]);
  });

  it('filters by kind and finds through a typo among thousands of entities', async () => {
    const backend = tempBackend();
    const insert = backend.db.prepare(
      `INSERT INTO entities (id, kind, name, created_at, updated_at) VALUES (?, ?, ?, '', '')`,
    );
    const alias = backend.db.prepare('INSERT INTO entity_aliases (entity_id, alias) VALUES (?, ?)');
    backend.db.transaction(() => {
      for (let i = 0; i < 5000; i++) {
        const id = `ent_${i.toString(16).padStart(8, '0')}`;
        insert.run(
          id,
          i % 2 ? 'person' : 'organization',
          `Person${i} Surname${i % 300} Ustinovich`,
        );
        alias.run(id, `P. Surname${i}`);
      }
    })();
    const rpc = rpcOf(backend);
    const target = await rpc('entities.create', {
      kind: 'organization',
      name: 'Islamic Movement of Uzbekistan',
      aliases: ['IMU'],
    });
    await rpc('entities.search', { query: 'islamic', limit: 10 });
    // as the researcher types (with a typo): every keystroke is one search
    for (const query of [
      'islamic m',
      'islamic mo',
      'islamic mov',
      'islamic movm',
      'islamic movme',
    ]) {
      const typed = await rpc('entities.search', { query, kind: 'organization', limit: 10 });
      expect(
        typed.map((h) => h.entity.id),
        query,
      ).toContain(target.id);
    }
    const hits = await rpc('entities.search', {
      query: 'islamic movment',
      kind: 'organization',
      limit: 10,
    });
    expect(hits[0]?.entity.id).toBe(target.id);
    expect(hits.every((h) => h.entity.kind === 'organization')).toBe(true);
  });
});

describe('vocabulary', () => {
  it('lists and edits entity kinds and claim types; values in use are renamed, not dropped', async () => {
    const backend = tempBackend();
    const rpc = rpcOf(backend);
    expect(await rpc('vocabulary.list', {})).toEqual({
      entity_kind: ['person', 'organization', 'place', 'event', 'other'],
      claim_type: ['event', 'statistic', 'attribution', 'assessment', 'policy', 'other'],
    });
    const group = await rpc('entities.create', { kind: 'organization', name: 'Jamaat Ansarullah' });

    const dropped = await failureOf(backend, 'vocabulary.set', {
      list: 'entity_kind',
      values: ['person', 'place', 'event', 'other'],
    });
    expect(dropped).toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(
        /^1 entity is of entity kind "organization", so it cannot be removed/,
      ),
    });
    const twice = await failureOf(backend, 'vocabulary.set', {
      list: 'entity_kind',
      values: ['person', 'Person'],
    });
    expect(twice.message).toMatch(/"Person" is listed twice/);

    const renamed = await rpc('vocabulary.set', {
      list: 'entity_kind',
      values: ['person', 'group', 'place', 'event', 'weapon', 'other'],
      renames: [{ from: 'organization', to: 'group' }],
    });
    expect(renamed.entity_kind).toEqual(['person', 'group', 'place', 'event', 'weapon', 'other']);
    expect((await rpc('entities.get', { id: group.id })).entity.kind).toBe('group');
    expect((await rpc('entities.create', { kind: 'weapon', name: 'AK-47' })).kind).toBe('weapon');

    await rpc('history.undo', {}); // the AK-47
    expect(await rpc('history.undo', {})).toMatchObject({ label: 'edit entity kinds' });
    expect((await rpc('vocabulary.list', {})).entity_kind).toEqual([
      'person',
      'organization',
      'place',
      'event',
      'other',
    ]);
    expect((await rpc('entities.get', { id: group.id })).entity.kind).toBe('organization');
  });

  it('checks claim types against the list', async () => {
    const backend = tempBackend();
    const rpc = rpcOf(backend);
    const doc = addDocument(backend.db, SAMPLE_TEXT);
    const claim = await rpc('claims.create', {
      documentId: doc.id,
      spans: [{ start: 30, end: 90 }],
    });
    expect(
      (await failureOf(backend, 'claims.update', { id: claim.id, patch: { type: 'rumour' } })).code,
    ).toBe('invalid_input');
    await rpc('vocabulary.set', { list: 'claim_type', values: ['event', 'rumour', 'other'] });
    expect((await rpc('claims.update', { id: claim.id, patch: { type: 'rumour' } })).type).toBe(
      'rumour',
    );
  });
});

describe('claim fields', () => {
  it('sets claimant, subjects, place and partial dates, refusing missing entities and impossible dates', async () => {
    const backend = tempBackend();
    const rpc = rpcOf(backend);
    const doc = addDocument(backend.db, SAMPLE_TEXT);
    const claim = await rpc('claims.create', {
      documentId: doc.id,
      spans: [{ start: 30, end: 90 }],
    });
    const isis = await rpc('entities.create', { kind: 'organization', name: 'ISIS' });
    const khalimov = await rpc('entities.create', { kind: 'person', name: 'Gulmurod Khalimov' });
    const syria = await rpc('entities.create', { kind: 'place', name: 'Syria' });
    const updated = await rpc('claims.update', {
      id: claim.id,
      patch: {
        claimantId: isis.id,
        subjectIds: [khalimov.id],
        placeId: syria.id,
        type: 'event',
        certainty: 'alleged',
        eventDate: '2015',
      },
    });
    expect(updated).toMatchObject({
      claimantId: isis.id,
      subjectIds: [khalimov.id],
      placeId: syria.id,
      eventDate: '2015',
    });

    const missing = await failureOf(backend, 'claims.update', {
      id: claim.id,
      patch: { subjectIds: [khalimov.id, 'ent_00000000'] },
    });
    expect(missing).toMatchObject({
      code: 'not_found',
      message: expect.stringMatching(/No entity with id ent_00000000 \(subject\)/),
    });
    expect(
      (
        await failureOf(backend, 'claims.update', {
          id: claim.id,
          patch: { claimantId: 'ent_00000001' },
        })
      ).code,
    ).toBe('not_found');
    const date = await failureOf(backend, 'claims.update', {
      id: claim.id,
      patch: { eventDate: '2018-02-30' },
    });
    expect(date).toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/2018-02 has 28 days/),
    });
    expect(
      (
        await failureOf(backend, 'claims.update', {
          id: claim.id,
          patch: { eventDate: '2018-11-08/2018-11-07' },
        })
      ).message,
    ).toMatch(/ends before it starts/);
    expect(
      await rpc('claims.update', {
        id: claim.id,
        patch: { eventDate: '2018-11-07/2018-11-08', claimantId: null },
      }),
    ).toMatchObject({
      eventDate: '2018-11-07/2018-11-08',
      claimantId: null,
    });
  });
});
