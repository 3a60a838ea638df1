import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchorAt, utf16Converter } from '../shared/anchor';
import {
  CERTAINTIES,
  RELATION_KINDS,
  STANCES,
  type Claim,
  type ClaimId,
  type DocumentId,
  type EntityId,
  type MentionId,
  type RelationId,
} from '../shared/model';
import { exportBundle, importBundle, textLines } from './bundle';
import { importClaimsJson } from './claims-import';
import { createClaim, listClaims } from './db/claims';
import { listEntities, putEntity } from './db/entities';
import { putMention } from './db/mentions';
import type { Db } from './db/open';
import { putRelation } from './db/relations';
import { claimsJsonText } from './exporters/claims-json';
import { addDocument } from './test/add-document';
import { tempBackend } from './test/workspace';

/**
 * Lossless round trips over randomly generated workspaces: texts with astral-plane characters,
 * entities whose aliases are in no particular order, claims whose subjects and tags are in the
 * order the researcher gave (not sorted), relations and mentions.
 *   bundle: export → import into an empty workspace → export is byte for byte the same;
 *   claims JSON: export → import into a workspace holding only the same documents → export is
 *   the same apart from `exportedAt` (mentions included).
 */

const PIECES = ['🙂', '𠀀', '𝔸', 'ж', 'Khujand', 'riot', ' ', '\n', '.', 'а', 'é'];
const text = fc
  .array(fc.constantFrom(...PIECES), { minLength: 12, maxLength: 80 })
  .map((p) => `${p.join('')} end.`);
const word = fc
  .array(fc.constantFrom('a', 'b', 'к', 'ё', '🙂', 'Z', 'x', '𝔸'), { minLength: 1, maxLength: 6 })
  .map((c) => c.join(''));
const AT = '2026-02-03T04:05:06.007Z';

const workspaceShape = fc.record({
  texts: fc.array(text, { minLength: 1, maxLength: 2 }),
  entities: fc.array(
    fc.record({
      name: word,
      kind: fc.constantFrom('person', 'organization', 'place'),
      aliases: fc.uniqueArray(word, { maxLength: 4 }),
    }),
    { minLength: 1, maxLength: 4 },
  ),
  claims: fc.array(
    fc.record({
      doc: fc.nat(),
      from: fc.nat(),
      length: fc.integer({ min: 1, max: 12 }),
      statement: fc.option(word, { nil: undefined }),
      claimant: fc.option(fc.nat(), { nil: null }),
      subjects: fc.uniqueArray(fc.nat({ max: 3 }), { maxLength: 3 }),
      place: fc.option(fc.nat(), { nil: null }),
      type: fc.constantFrom('event', 'statistic', 'other'),
      stance: fc.constantFrom(...STANCES),
      certainty: fc.option(fc.constantFrom(...CERTAINTIES), { nil: null }),
      eventDate: fc.constantFrom(null, '2018', '2018-11', '2018-11-07', '2018-11-07/2018-12'),
      tags: fc.uniqueArray(word, { maxLength: 4 }),
      note: fc.constantFrom('', 'check 🙂', 'second\nline'),
    }),
    { maxLength: 5 },
  ),
  relations: fc.array(
    fc.record({ from: fc.nat(), to: fc.nat(), kind: fc.constantFrom(...RELATION_KINDS) }),
    { maxLength: 4 },
  ),
  mentions: fc.array(
    fc.record({
      doc: fc.nat(),
      from: fc.nat(),
      length: fc.integer({ min: 1, max: 8 }),
      entity: fc.nat(),
    }),
    { maxLength: 3 },
  ),
});
type Shape = typeof workspaceShape extends fc.Arbitrary<infer T> ? T : never;

const hex = (n: number) => n.toString(16).padStart(12, '0');
const pick = <T>(list: readonly T[], n: number) => list[n % list.length]!;

/** A range of whole characters (code points → UTF-16) that is not all blank, or null. */
function rangeIn(value: string, from: number, length: number): [number, number] | null {
  const points = [...value].length;
  const start = from % points;
  const end = Math.min(points, start + length);
  const toUnits = utf16Converter(value);
  const range: [number, number] = [toUnits(start), toUnits(end)];
  return value.slice(...range).trim() === '' ? null : range;
}

/** The documents of a shape (the part both workspaces share). */
function addDocuments(db: Db, shape: Shape) {
  return shape.texts.map((t, i) => ({ id: addDocument(db, t, `doc ${i}`).id, text: t }));
}

/** Everything else of a shape: entities, claims with every field, relations, mentions. */
function addWork(db: Db, docs: { id: DocumentId; text: string }[], shape: Shape) {
  const entityIds = shape.entities.map((e, i) => {
    const id = `ent_${hex(i + 1)}` as EntityId;
    const aliases = e.aliases.filter((a) => a !== e.name);
    putEntity(db, {
      id,
      kind: e.kind,
      name: e.name,
      aliases,
      description: '',
      externalIds: {},
      createdAt: AT,
      updatedAt: AT,
    });
    return id;
  });
  const entity = (n: number | null) => (n === null ? null : pick(entityIds, n));
  const claims: Claim[] = [];
  for (const c of shape.claims) {
    const doc = pick(docs, c.doc);
    const range = rangeIn(doc.text, c.from, c.length);
    if (!range) continue;
    const subjects = [...new Set(c.subjects.map((n) => pick(entityIds, n)))];
    claims.push(
      createClaim(db, {
        documentId: doc.id,
        spans: [{ start: range[0], end: range[1] }],
        ...(c.statement ? { statement: c.statement } : {}),
        claimantId: entity(c.claimant),
        subjectIds: subjects,
        placeId: entity(c.place),
        type: c.type,
        stance: c.stance,
        certainty: c.certainty,
        eventDate: c.eventDate,
        tags: c.tags,
        note: c.note,
      }),
    );
  }
  const related = new Set<string>();
  shape.relations.forEach((r, i) => {
    if (claims.length < 2) return;
    const from = pick(claims, r.from);
    const to = pick(claims, r.to);
    const key = `${from.id}>${to.id}>${r.kind}`;
    if (from.id === to.id || related.has(key)) return;
    related.add(key);
    putRelation(db, {
      id: `rel_${hex(i + 1)}` as RelationId,
      fromClaimId: from.id as ClaimId,
      toClaimId: to.id as ClaimId,
      kind: r.kind,
      note: '',
      createdAt: AT,
    });
  });
  shape.mentions.forEach((m, i) => {
    const doc = pick(docs, m.doc);
    const range = rangeIn(doc.text, m.from, m.length);
    if (!range) return;
    putMention(db, {
      id: `men_${hex(i + 1)}` as MentionId,
      documentId: doc.id,
      entityId: pick(entityIds, m.entity),
      anchor: anchorAt(doc.text, ...range),
      createdAt: AT,
    });
  });
}

const RUNS = { numRuns: 12 };

describe('lossless round trips (property)', () => {
  it('bundle: export → import into an empty workspace → export is byte-identical', () => {
    fc.assert(
      fc.property(workspaceShape, (shape) => {
        const source = tempBackend();
        addWork(source.db, addDocuments(source.db, shape), shape);
        const first = exportBundle(source.db, 'test', AT);
        const copy = tempBackend();
        importBundle(copy.db, textLines(first));
        expect(exportBundle(copy.db, 'test', AT)).toBe(first);
        // and what the researcher sees is the same, in the same order (subjects, tags, aliases)
        expect(listClaims(copy.db)).toEqual(listClaims(source.db));
        expect(listEntities(copy.db)).toEqual(listEntities(source.db));
      }),
      RUNS,
    );
  });

  it('claims JSON: export → import into a workspace with only the documents → export is the same but for exportedAt', async () => {
    await fc.assert(
      fc.asyncProperty(workspaceShape, async (shape) => {
        const source = tempBackend();
        const docs = addDocuments(source.db, shape);
        // the other workspace holds the same documents (same ids and metadata) and nothing else
        const target = tempBackend();
        importBundle(target.db, textLines(exportBundle(source.db, 'test')));
        addWork(source.db, docs, shape);
        const first = claimsJsonText(source.db, { generator: 'test' });
        const outcome = await importClaimsJson(target.db, first);
        expect(outcome.skipped).toEqual([]);
        expect(outcome.conflicts).toEqual([]);
        const second = claimsJsonText(target.db, { generator: 'test' });
        const timeless = (json: string) =>
          json.replace(/"exportedAt": "[^"]+"/, '"exportedAt": "-"');
        expect(timeless(second)).toBe(timeless(first));
      }),
      RUNS,
    );
  });
});
