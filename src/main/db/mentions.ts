import type { MentionCandidate, MentionInfo, MentionSuggestions } from '../../shared/api-entities';
import { anchorAt } from '../../shared/anchor';
import { foldText, NameMatcher, type FoldedText } from '../../shared/match-names';
import type {
  DocumentId,
  Entity,
  EntityId,
  MediaType,
  Mention,
  MentionId,
  SourceId,
} from '../../shared/model';
import { collapseAcrossFiles, passageKey } from '../../shared/source-groups';
import { AppError, notFound } from '../errors';
import { newId, now } from '../ids';
import { getDocumentText } from './documents';
import { getEntity, listEntities } from './entities';
import { registerSnapshotKind } from './history';
import { journaled, registerReader } from './journal';
import type { Db } from './open';
import { cached } from './statements';

export interface MentionRef {
  documentId: DocumentId;
  entityId: EntityId;
  start: number;
  end: number;
}

export interface MentionRow {
  id: string;
  document_id: string;
  entity_id: string;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  created_at: string;
}

type InfoRow = MentionRow & { entity_name: string; entity_kind: string; document_title: string };

export const toMention = (r: MentionRow): Mention => ({
  id: r.id as MentionId,
  documentId: r.document_id as DocumentId,
  entityId: r.entity_id as EntityId,
  anchor: { start: r.start, end: r.end, exact: r.exact, prefix: r.prefix, suffix: r.suffix },
  createdAt: r.created_at,
});

const toInfo = (r: InfoRow): MentionInfo => ({
  ...toMention(r),
  entityName: r.entity_name,
  entityKind: r.entity_kind,
  documentTitle: r.document_title,
});

export function findMention(db: Db, id: MentionId): Mention | null {
  const row = cached(db, 'SELECT * FROM mentions WHERE id = ?').get(id) as MentionRow | undefined;
  return row ? toMention(row) : null;
}

export function putMention(db: Db, m: Mention): void {
  cached(
    db,
    `INSERT INTO mentions (id, document_id, entity_id, start, end, exact, prefix, suffix, created_at)
     VALUES (@id, @documentId, @entityId, @start, @end, @exact, @prefix, @suffix, @createdAt)
     ON CONFLICT (id) DO UPDATE SET document_id = excluded.document_id, entity_id = excluded.entity_id,
       start = excluded.start, end = excluded.end, exact = excluded.exact, prefix = excluded.prefix,
       suffix = excluded.suffix, created_at = excluded.created_at`,
  ).run({
    id: m.id,
    documentId: m.documentId,
    entityId: m.entityId,
    ...m.anchor,
    createdAt: m.createdAt,
  });
}

registerSnapshotKind('mention', {
  // after entities (10) and claims (20): a mention needs its entity and document to exist
  order: 25,
  put: (db, value) => putMention(db, value as Mention),
  remove: (db, id) => db.prepare('DELETE FROM mentions WHERE id = ?').run(id),
  documentsOf: (_db, value) => [(value as Mention).documentId],
});
registerReader('mention', (db, id) => findMention(db, id as MentionId));

interface Dismissal extends MentionRef {
  createdAt: string;
}

/** Dismissals have no id of their own; the journal names them by what they dismiss. */
export const dismissalKey = (r: MentionRef) => `${r.documentId}|${r.entityId}|${r.start}|${r.end}`;

function parseDismissalKey(key: string): MentionRef {
  const [documentId, entityId, start, end] = key.split('|');
  return {
    documentId: documentId as DocumentId,
    entityId: entityId as EntityId,
    start: Number(start),
    end: Number(end),
  };
}

function findDismissal(db: Db, r: MentionRef): Dismissal | null {
  const row = db
    .prepare(
      `SELECT created_at FROM mention_dismissals
       WHERE document_id = ? AND entity_id = ? AND start = ? AND end = ?`,
    )
    .get(r.documentId, r.entityId, r.start, r.end) as { created_at: string } | undefined;
  return row ? { ...r, createdAt: row.created_at } : null;
}

function putDismissal(db: Db, d: Dismissal): void {
  db.prepare(
    `INSERT OR REPLACE INTO mention_dismissals (document_id, entity_id, start, end, created_at)
     VALUES (?, ?, ?, ?, ?)`,
  ).run(d.documentId, d.entityId, d.start, d.end, d.createdAt);
}

function removeDismissal(db: Db, r: MentionRef): void {
  db.prepare(
    'DELETE FROM mention_dismissals WHERE document_id = ? AND entity_id = ? AND start = ? AND end = ?',
  ).run(r.documentId, r.entityId, r.start, r.end);
}

registerSnapshotKind('mention_dismissal', {
  order: 26,
  put: (db, value) => putDismissal(db, value as Dismissal),
  remove: (db, key) => removeDismissal(db, parseDismissalKey(key)),
  documentsOf: (_db, value) => [(value as Dismissal).documentId],
});
registerReader('mention_dismissal', (db, key) => findDismissal(db, parseDismissalKey(key)));

/** Dismissals of one entity, for actions (delete, merge) that carry or drop them. */
export function listDismissalsOfEntity(db: Db, entityId: EntityId): Dismissal[] {
  return (
    db
      .prepare(
        'SELECT document_id, start, end, created_at FROM mention_dismissals WHERE entity_id = ?',
      )
      .all(entityId) as { document_id: string; start: number; end: number; created_at: string }[]
  ).map((r) => ({
    documentId: r.document_id as DocumentId,
    entityId,
    start: r.start,
    end: r.end,
    createdAt: r.created_at,
  }));
}

export { putDismissal, removeDismissal };

const SELECT_INFO = `SELECT m.*, e.name AS entity_name, e.kind AS entity_kind,
  json_extract(d.meta, '$.title') AS document_title
  FROM mentions m JOIN entities e ON e.id = m.entity_id JOIN documents d ON d.id = m.document_id`;

/** Mentions of a document or of an entity (or all), in document then text order. */
export function listMentions(
  db: Db,
  filter: { documentId?: DocumentId; entityId?: EntityId } = {},
): MentionInfo[] {
  const rows = db
    .prepare(
      `${SELECT_INFO}
       WHERE (@documentId IS NULL OR m.document_id = @documentId) AND (@entityId IS NULL OR m.entity_id = @entityId)
       ORDER BY d.imported_at, d.rowid, m.start, m.end, m.id`,
    )
    .all({ documentId: filter.documentId ?? null, entityId: filter.entityId ?? null }) as InfoRow[];
  return rows.map(toInfo);
}

export function getMentionInfo(db: Db, id: MentionId): MentionInfo {
  const row = db.prepare(`${SELECT_INFO} WHERE m.id = ?`).get(id) as InfoRow | undefined;
  if (!row) throw notFound('mention', id);
  return toInfo(row);
}

/**
 * The passage as stored: within the text, without the whitespace a double-click or drag tends to
 * pick up at either end.
 */
function normalizeSpan(text: string, start: number, end: number): { start: number; end: number } {
  if (end > text.length || start >= end) {
    throw new AppError(
      'invalid_input',
      `The passage ${start}-${end} is outside this document's text (${text.length} characters).`,
    );
  }
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (start === end)
    throw new AppError('invalid_input', 'Select some text before marking a mention.');
  return { start, end };
}

const existingMention = (db: Db, r: MentionRef) =>
  db
    .prepare(
      'SELECT id FROM mentions WHERE document_id = ? AND entity_id = ? AND start = ? AND end = ?',
    )
    .get(r.documentId, r.entityId, r.start, r.end) as { id: string } | undefined;

function newMention(text: string, ref: MentionRef, at: string): Mention {
  return {
    id: newId<MentionId>('men'),
    documentId: ref.documentId,
    entityId: ref.entityId,
    anchor: anchorAt(text, ref.start, ref.end),
    createdAt: at,
  };
}

/** Links a passage to an entity. The quote selector is built here from the stored text. */
export function createMention(db: Db, ref: MentionRef): MentionInfo {
  return journaled(db, 'create mention', (journal) => {
    const text = getDocumentText(db, ref.documentId);
    const entity = getEntity(db, ref.entityId);
    const span = normalizeSpan(text, ref.start, ref.end);
    if (existingMention(db, { ...ref, ...span })) {
      throw new AppError(
        'conflict',
        `This passage is already marked as a mention of "${entity.name}".`,
      );
    }
    const mention = newMention(text, { ...ref, ...span }, now());
    journal.touch('mention', mention.id);
    putMention(db, mention);
    return getMentionInfo(db, mention.id);
  });
}

export function deleteMention(db: Db, id: MentionId): Mention {
  return journaled(db, 'delete mention', (journal) => {
    const mention = findMention(db, id);
    if (!mention) throw notFound('mention', id);
    journal.touch('mention', id);
    db.prepare('DELETE FROM mentions WHERE id = ?').run(id);
    return mention;
  });
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Turns suggested mentions into mentions, all in one undoable step. Passages already linked to the
 * same entity are skipped (and counted), so accepting the same list twice does no harm.
 */
export function acceptMentions(
  db: Db,
  refs: MentionRef[],
): { created: MentionInfo[]; skipped: number } {
  return journaled(db, 'accept mentions', (journal) => {
    const texts = new Map<string, string>();
    const entities = new Set<string>();
    const seen = new Set<string>();
    const at = now();
    const created: MentionId[] = [];
    let skipped = 0;
    for (const ref of refs) {
      let text = texts.get(ref.documentId);
      if (text === undefined)
        texts.set(ref.documentId, (text = getDocumentText(db, ref.documentId)));
      if (!entities.has(ref.entityId)) {
        getEntity(db, ref.entityId);
        entities.add(ref.entityId);
      }
      const span = { ...ref, ...normalizeSpan(text, ref.start, ref.end) };
      const key = dismissalKey(span);
      if (seen.has(key) || existingMention(db, span)) {
        skipped++;
        continue;
      }
      seen.add(key);
      const mention = newMention(text, span, at);
      journal.touch('mention', mention.id);
      putMention(db, mention);
      created.push(mention.id);
    }
    journal.label = `accept ${plural(created.length, 'mention')}`;
    return { created: created.map((id) => getMentionInfo(db, id)), skipped };
  });
}

/** Dismisses suggestions for good: `suggestMentions` no longer offers them. Undoable. */
export function dismissMentions(db: Db, refs: MentionRef[]): { dismissed: number } {
  return journaled(db, 'dismiss suggestions', (journal) => {
    const at = now();
    let dismissed = 0;
    for (const ref of refs) {
      getDocumentText(db, ref.documentId);
      getEntity(db, ref.entityId);
      if (ref.end <= ref.start)
        throw new AppError('invalid_input', `The passage ${ref.start}-${ref.end} is empty.`);
      if (findDismissal(db, ref)) continue;
      journal.touch('mention_dismissal', dismissalKey(ref));
      putDismissal(db, { ...ref, createdAt: at });
      dismissed++;
    }
    journal.label = `dismiss ${plural(dismissed, 'suggestion')}`;
    return { dismissed };
  });
}

/*
 * Folded document texts, kept between calls: folding is the costly part of a scan and a document's
 * text never changes. Bounded by total size; validated against the text, so a stale entry is never used.
 */
const MAX_CACHED_CHARS = 16 * 1024 * 1024;
const foldedCache = new Map<string, FoldedText>();
let cachedChars = 0;

function foldedDocument(id: string, text: string): FoldedText {
  const hit = foldedCache.get(id);
  if (hit && hit.original === text) {
    foldedCache.delete(id);
    foldedCache.set(id, hit);
    return hit;
  }
  if (hit) {
    foldedCache.delete(id);
    cachedChars -= hit.original.length;
  }
  const folded = foldText(text);
  if (text.length <= MAX_CACHED_CHARS) {
    foldedCache.set(id, folded);
    cachedChars += text.length;
    for (const [key, value] of foldedCache) {
      if (cachedChars <= MAX_CACHED_CHARS) break;
      foldedCache.delete(key);
      cachedChars -= value.original.length;
    }
  }
  return folded;
}

function matcherFor(entities: Entity[]): NameMatcher<EntityId> {
  const matcher = new NameMatcher<EntityId>();
  for (const e of entities) {
    matcher.add(e.id, e.name);
    for (const alias of e.aliases) matcher.add(e.id, alias);
  }
  return matcher;
}

/**
 * Occurrences of entity names and aliases in documents' text (see shared/match-names.ts for what
 * counts as one), minus passages already marked as a mention of that entity (any overlap) and
 * suggestions the researcher dismissed. Computed from the current names on every call, so renaming
 * an entity or adding an alias is reflected at once.
 */
export function suggestMentions(
  db: Db,
  options: { documentId?: DocumentId; entityId?: EntityId; limit?: number } = {},
): MentionSuggestions {
  const limit = options.limit ?? 2_000;
  const entities = options.entityId ? [getEntity(db, options.entityId)] : listEntities(db);
  const matcher = matcherFor(entities);
  const names = new Map(entities.map((e) => [e.id, e.name]));
  const documents = db
    .prepare(
      `SELECT id, json_extract(meta, '$.title') AS title, source_id AS sourceId,
         media_type AS mediaType
       FROM documents ${options.documentId ? 'WHERE id = @id' : ''} ORDER BY imported_at, rowid`,
    )
    .all(options.documentId ? { id: options.documentId } : {}) as {
    id: DocumentId;
    title: string;
    sourceId: SourceId;
    mediaType: MediaType;
  }[];
  if (options.documentId && documents.length === 0) throw notFound('document', options.documentId);
  const candidates: MentionCandidate[] = [];
  let total = 0;
  if (matcher.size === 0) return { candidates, total };
  const mentionsOf = db.prepare('SELECT entity_id, start, end FROM mentions WHERE document_id = ?');
  const dismissalsOf = db.prepare(
    'SELECT entity_id, start, end FROM mention_dismissals WHERE document_id = ?',
  );
  for (const doc of documents) {
    const text = getDocumentText(db, doc.id);
    const matches = matcher.find(foldedDocument(doc.id, text));
    if (matches.length === 0) continue;
    const linked = new Map<string, { start: number; end: number }[]>();
    for (const m of mentionsOf.all(doc.id) as { entity_id: string; start: number; end: number }[]) {
      linked.set(m.entity_id, [...(linked.get(m.entity_id) ?? []), m]);
    }
    const dismissed = new Set(
      (dismissalsOf.all(doc.id) as { entity_id: string; start: number; end: number }[]).map(
        (d) => `${d.entity_id}|${d.start}|${d.end}`,
      ),
    );
    for (const m of matches) {
      if (dismissed.has(`${m.key}|${m.start}|${m.end}`)) continue;
      if (linked.get(m.key)?.some((l) => l.start < m.end && m.start < l.end)) continue;
      total++;
      if (candidates.length >= limit) continue;
      candidates.push({
        documentId: doc.id,
        documentTitle: doc.title,
        sourceId: doc.sourceId,
        mediaType: doc.mediaType,
        also: [],
        entityId: m.key,
        entityName: names.get(m.key)!,
        matched: m.name,
        ...anchorAt(text, m.start, m.end),
      });
    }
  }
  // the same place in another file of the same work is one suggestion (shared/source-groups.ts);
  // `total` counts suggestions, so it loses the ones folded here (beyond `limit` it cannot know)
  const once = collapseAcrossFiles(
    candidates,
    (c) => `${c.entityId}|${passageKey(c.prefix, c.exact, c.suffix)}`,
  );
  return { candidates: once, total: total - (candidates.length - once.length) };
}

/**
 * Scans a newly imported document for every entity's names and aliases. Nothing is accepted: the
 * candidates are what `mentions.suggest` offers for the document (the folded text stays cached, so
 * that call is then cheap). Returns them, e.g. for "12 possible mentions found".
 */
export function scanDocumentForMentions(db: Db, documentId: DocumentId): MentionSuggestions {
  return suggestMentions(db, { documentId, limit: 10_000 });
}
