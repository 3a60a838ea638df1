import { describe, expect, it } from 'vitest';
import type { EntitySearchHit } from '../../../../shared/api-entities';
import type { Entity, EntityId } from '../../../../shared/model';
import {
  entityOptions,
  filterChoices,
  kindOptions,
  moveActive,
  preselected,
  type EntityRef,
} from './options';

const entity = (id: string, name: string, kind = 'person', aliases: string[] = []): Entity => ({
  id: id as EntityId,
  kind,
  name,
  aliases,
  description: '',
  externalIds: {},
  createdAt: '',
  updatedAt: '',
});
const hit = (
  e: Entity,
  matched = e.name,
  quality: EntitySearchHit['quality'] = 'prefix',
): EntitySearchHit => ({ entity: e, matched, quality, score: 1 });

const khalimov = entity('ent_00000001', 'Gulmurod Khalimov', 'person', ['Gumurod Halimov']);
const isis = entity('ent_00000002', 'ISIS', 'organization');
const ref = (e: Entity): EntityRef => ({ id: e.id, name: e.name, kind: e.kind });

describe('entityOptions', () => {
  it('offers the recently used entities before anything is typed, minus those chosen', () => {
    const options = entityOptions({
      query: '  ',
      hits: [],
      chosen: [isis.id],
      recent: [ref(isis), ref(khalimov)],
      createKinds: ['person'],
    });
    expect(options.map((o) => o.key)).toEqual([khalimov.id]);
    expect(preselected(options)).toBe(-1);
  });

  it('lists matches first, naming the alias that matched, then one create option asking the kind', () => {
    const options = entityOptions({
      query: 'halim',
      hits: [hit(khalimov, 'Gumurod Halimov')],
      chosen: [],
      recent: [],
      createKinds: ['person', 'organization'],
    });
    expect(options).toEqual([
      {
        type: 'entity',
        key: khalimov.id,
        entity: ref(khalimov),
        matched: 'Gumurod Halimov',
        strong: true,
      },
      { type: 'create', key: 'create', name: 'halim', kinds: ['person', 'organization'] },
    ]);
    // Enter takes the existing entity, never a new duplicate
    expect(preselected(options)).toBe(0);
    expect(kindOptions(' halim ', ['person', 'organization']).map((o) => o.key)).toEqual([
      'kind:person',
      'kind:organization',
    ]);
  });

  it('pre-selects nothing when the best match is weak (defect 1: Reuters, EIU, IMU)', () => {
    const law = entity('ent_00000009', 'Law of the Republic of Tajikistan on Combating Extremism');
    const options = entityOptions({
      query: 'Reuters',
      hits: [hit(law, law.name, 'subsequence')],
      chosen: [],
      recent: [],
      createKinds: ['person', 'organization'],
    });
    expect(options[0]).toMatchObject({ type: 'entity', strong: false });
    // neither the subsequence match nor "Create" is taken by Enter
    expect(preselected(options)).toBe(-1);
  });

  it('offers creating (with tidy spacing) when nothing matches, and nothing to create when not allowed', () => {
    const options = entityOptions({
      query: ' Islamic   State ',
      hits: [],
      chosen: [],
      recent: [],
      createKinds: ['organization'],
    });
    expect(options).toEqual([
      { type: 'create', key: 'create', name: 'Islamic State', kinds: ['organization'] },
    ]);
    expect(preselected(options)).toBe(-1);
    expect(
      entityOptions({ query: 'x', hits: [], chosen: [], recent: [], createKinds: [] }),
    ).toEqual([]);
  });

  it('does not offer an entity already chosen in the field', () => {
    const options = entityOptions({
      query: 'i',
      hits: [hit(isis), hit(khalimov)],
      chosen: [isis.id],
      recent: [],
      createKinds: [],
    });
    expect(options.map((o) => o.key)).toEqual([khalimov.id]);
  });
});

describe('moveActive', () => {
  it('wraps in both directions and starts from nothing', () => {
    expect(moveActive(-1, 3, 'ArrowDown')).toBe(0);
    expect(moveActive(2, 3, 'ArrowDown')).toBe(0);
    expect(moveActive(0, 3, 'ArrowUp')).toBe(2);
    expect(moveActive(-1, 3, 'ArrowUp')).toBe(2);
    expect(moveActive(0, 0, 'ArrowDown')).toBe(-1);
  });
});

describe('filterChoices', () => {
  const types = ['event', 'statistic', 'attribution', 'assessment', 'policy', 'other'];
  it('puts prefix matches before other matches, ignoring case', () => {
    expect(filterChoices(types, 'AT')).toEqual(['attribution', 'statistic']);
    expect(filterChoices(types, 'ev')).toEqual(['event']);
    expect(filterChoices(types, '')).toEqual(types);
    expect(filterChoices(types, 'zzz')).toEqual([]);
  });
});
