import type { PassageVia, RawPassageHit as PassageHit } from '../../shared/api-search';
import type { DocumentId, EntityId } from '../../shared/model';
import { AppError } from '../errors';
import { toFtsQuery } from './fts-query';
import type { Db } from './open';
import { foldForSearch } from './search-index';
import { makeSnippet } from './snippet';

/**
 * Passages that name an entity under any of its names: its name and aliases found in the text
 * (full-text search), and its accepted mentions (stored positions, whatever the text there says).
 * Each hit says how it names the entity (`via`), so the researcher sees why "Khalimov" came up for
 * a search for "Halimov".
 *
 * Two ways in: the explicit operator `entity:"Gulmurod Khalimov"` in the search box and the CLI,
 * and a plain search whose words are all words of one entity's name or alias.
 */

/**
 * The indexed chunk each passage hit comes from: one passage is one hit, however many of its
 * words or names matched (kept beside the hits, not in them: it is no part of the API).
 */
export const chunkOf = new WeakMap<PassageHit, number>();

/** Identifies a hit's passage, to show it once. */
export const passageKey = (h: PassageHit) => `${h.documentId}:${chunkOf.get(h) ?? `@${h.start}`}`;

export interface NamedEntity {
  id: EntityId;
  name: string;
  /** the name, then the aliases in the researcher's order */
  names: string[];
}

/** `entity:"A name"` or `entity:word`, anywhere in a query (the operator is not case-sensitive). */
const ENTITY_OPERATOR = /(?:^|(?<=[\s(]))entity:(?:"([^"]*)"|([^\s()"]+))/giu;

/** The entity operators of a query and what is left of it to search for as text. */
export function extractEntityOperators(query: string): { names: string[]; rest: string } {
  const names: string[] = [];
  const rest = query.replace(ENTITY_OPERATOR, (_, quoted?: string, bare?: string) => {
    names.push((quoted ?? bare ?? '').trim());
    return ' ';
  });
  return { names, rest: rest.trim() };
}

/** An FTS match for any of these names, each as a phrase. */
export function namesMatch(names: readonly string[]): string | null {
  const phrases = names
    .map((n) => toFtsQuery(`"${n.replaceAll('"', ' ')}"`))
    .filter((m): m is string => m !== null);
  return phrases.length > 0 ? phrases.map((p) => `(${p})`).join(' OR ') : null;
}

/** How names compare: case, diacritics and the search index's folds (ё/е…) do not matter. */
const fold = (text: string) =>
  foldForSearch(text).normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase();
const words = (text: string) =>
  fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

function namesOf(db: Db, id: EntityId, name: string): string[] {
  const aliases = db
    .prepare('SELECT alias FROM entity_aliases WHERE entity_id = ? ORDER BY position, alias')
    .pluck()
    .all(id) as string[];
  return [name, ...aliases];
}

/** Entities whose name or alias matches `query` in the entities index (at most `limit`). */
function candidates(db: Db, query: string, limit: number): NamedEntity[] {
  const match = toFtsQuery(query.replaceAll('*', ' '));
  if (!match) return [];
  const rows = db
    .prepare(
      `SELECT e.id, e.name FROM search_entities s
       JOIN search_keys k ON k.key = s.rowid JOIN entities e ON e.id = k.ref
       WHERE search_entities MATCH @match ORDER BY s.rank LIMIT @limit`,
    )
    .all({ match, limit }) as { id: EntityId; name: string }[];
  return rows.map((r) => ({ ...r, names: namesOf(db, r.id, r.name) }));
}

/**
 * The entity `entity:"…"` names: one whose name or an alias is the given text (case and accents
 * aside). Several entities may share a name; all of them are meant. None is a clear error.
 */
export function resolveEntityOperator(db: Db, text: string): NamedEntity[] {
  if (!text)
    throw new AppError('invalid_input', 'Search: entity:"…" needs a name between the quotes.');
  const wanted = fold(text);
  const found = candidates(db, `"${text.replaceAll('"', ' ')}"`, 50).filter((e) =>
    e.names.some((n) => fold(n) === wanted),
  );
  if (found.length === 0) {
    throw new AppError(
      'invalid_input',
      `Search: no entity is named "${text.slice(0, 80)}". Check the name in Entities, or search for the words without entity:.`,
    );
  }
  return found;
}

/**
 * The entities a plain query names: every word of the query is a word of one of the entity's
 * names ("Halimov" names Gulmurod Khalimov through his alias "Gumurod Halimov"). Queries with
 * operators or prefixes are searches, not names, and name nobody.
 */
export function entitiesNamedBy(db: Db, query: string, limit = 3): NamedEntity[] {
  if (/[()*]|\b(?:AND|OR|NOT)\b/.test(query)) return [];
  const asked = words(query.replaceAll('"', ' '));
  if (asked.length === 0) return [];
  return candidates(db, query, limit).filter((e) =>
    e.names.some((n) => {
      const have = new Set(words(n));
      return asked.every((w) => have.has(w));
    }),
  );
}

interface MentionRow {
  document_id: string;
  start: number;
  end: number;
  exact: string;
  entity_id: string;
  chunk_id: number;
  chunk_start: number;
  text: string;
  title: string;
  page: string | null;
}

/**
 * The passages naming any of `entities`, each marked with how, narrowed by `also` (an FTS match
 * the passage must satisfy too) and `documentId`. Names found by full-text search come first (in
 * the order `searchPassages` gives), then mentions at places no name was found.
 */
export function entityPassages(
  db: Db,
  entities: NamedEntity[],
  options: {
    also: string | null;
    limit: number;
    documentId?: DocumentId;
    searchPassages: (match: string) => PassageHit[];
  },
): PassageHit[] {
  const hits: PassageHit[] = [];
  const seen = new Set<string>();
  for (const entity of entities) {
    const any = namesMatch(entity.names);
    if (!any) continue;
    const match = options.also ? `(${any}) AND (${options.also})` : any;
    for (const hit of options.searchPassages(match)) {
      if (seen.has(passageKey(hit))) continue;
      seen.add(passageKey(hit));
      const found = hit.snippet.highlights[0];
      const text = found ? hit.snippet.text.slice(found.start, found.end) : entity.name;
      const as = fold(text) === fold(entity.name) ? 'name' : 'alias';
      const marked = { ...hit, via: via(entity, as, text) };
      chunkOf.set(marked, chunkOf.get(hit)!);
      hits.push(marked);
    }
  }
  for (const m of mentionRows(db, entities, options)) {
    const k = `${m.document_id}:${m.chunk_id}`;
    if (seen.has(k)) continue;
    seen.add(k);
    const entity = entities.find((e) => e.id === m.entity_id)!;
    const from = m.start - m.chunk_start;
    if (from >= m.text.length) continue; // between indexed blocks: nothing to show around it
    const hit: PassageHit = {
      documentId: m.document_id as DocumentId,
      documentTitle: m.title,
      start: m.start,
      end: m.end,
      page: m.page ? (JSON.parse(m.page) as PassageHit['page']) : null,
      snippet: makeSnippet(m.text, [
        { start: from, end: Math.min(m.text.length, m.end - m.chunk_start) },
      ]),
      score: 0,
      via: via(entity, 'mention', m.exact),
    };
    chunkOf.set(hit, m.chunk_id);
    hits.push(hit);
  }
  if (options.documentId) hits.sort((a, b) => a.start - b.start);
  return hits.slice(0, options.limit);
}

const via = (entity: NamedEntity, as: PassageVia['as'], text: string): PassageVia => ({
  entityId: entity.id,
  entityName: entity.name,
  as,
  text,
});

/** The accepted mentions of the entities, with the indexed chunk holding each. */
function mentionRows(
  db: Db,
  entities: NamedEntity[],
  options: { also: string | null; limit: number; documentId?: DocumentId },
): MentionRow[] {
  const params: Record<string, unknown> = {
    ids: JSON.stringify(entities.map((e) => e.id)),
    limit: options.limit,
  };
  const conditions = ['m.entity_id IN (SELECT value FROM json_each(@ids))'];
  if (options.documentId) {
    conditions.push('m.document_id = @documentId');
    params.documentId = options.documentId;
  }
  if (options.also) {
    conditions.push(
      'c.id IN (SELECT rowid FROM search_passages WHERE search_passages MATCH @also)',
    );
    params.also = options.also;
  }
  return db
    .prepare(
      `SELECT m.document_id, m.start, m.end, m.exact, m.entity_id, c.id AS chunk_id, c.start AS chunk_start, c.text,
         d.meta ->> '$.title' AS title,
         (SELECT json_object('index', p.page_index, 'label', p.label) FROM document_pages p
          WHERE p.document_id = m.document_id AND p.start <= m.start ORDER BY p.start DESC LIMIT 1) AS page
       FROM mentions m
       JOIN documents d ON d.id = m.document_id
       JOIN search_chunks c ON c.id = (SELECT id FROM search_chunks
         WHERE document_id = m.document_id AND start <= m.start ORDER BY start DESC LIMIT 1)
       WHERE ${conditions.join(' AND ')}
       ORDER BY m.document_id, m.start
       LIMIT @limit`,
    )
    .all(params) as MentionRow[];
}
