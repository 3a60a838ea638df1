import { z } from 'zod';
import { anchorAt, utf16Converter } from '../shared/anchor';
import type { ClaimsImportOutcome, SkippedClaim } from '../shared/api-search';
import { entityFields } from '../shared/api-entities';
import { claimFieldRules, claimFields } from '../shared/claim-rules';
import { LIMITS } from '../shared/limits';
import { reanchor } from '../shared/reanchor';
import {
  RELATION_KINDS,
  type Claim,
  type ClaimId,
  type ClaimRelation,
  type DocumentId,
  type Entity,
  type EntityId,
  type Mention,
  type MentionId,
  type RelationId,
} from '../shared/model';
import { assertClaim, claimProblem } from './db/claim-rules';
import { findClaim, putClaim } from './db/claims';
import { findDocumentBySha256, getDocumentText } from './db/documents';
import { findEntity, putEntity } from './db/entities';
import { findMention, putMention } from './db/mentions';
import { recordAction, type Snapshot } from './db/history';
import type { Db } from './db/open';
import { putRelation } from './db/relations';
import { cached } from './db/statements';
import { assertInVocabulary } from './db/vocabulary';
import { AppError } from './errors';
import { parseJsonInSlices } from './json-slices';
import { CLAIMS_FORMAT, CLAIMS_FORMAT_READABLE } from './exporters/claims-json';

/**
 * Imports a claims JSON (exporters/claims-json.ts) from another workspace, merging by id: a claim or
 * entity this workspace does not have is created; one it has with the same content is unchanged;
 * one it has with DIFFERENT content is a conflict: the local version is kept and the conflict
 * reported, unless the researcher chose `onConflict: 'replace'`. Timestamps decide nothing (they
 * are free text in a file anyone can write). Importing the same file twice changes nothing and never
 * duplicates. Documents are matched by SHA-256; the claims of a document this workspace does not
 * have are skipped and reported. Passages are found again with `reanchor` (position, quote, context,
 * a slightly changed quote); a quote that is gone is reported, never attached elsewhere. Mentions
 * are merged by id like entities (so a file read back gives the same export); one whose passage
 * or entity is not here is left out with a warning. One undoable action.
 *
 * A file is bounded like the API (field lengths, context, counts), and all the long work (parsing
 * the JSON, checking every record, re-anchoring every passage, writing) runs in slices that yield
 * to the event loop, so the backend keeps answering other requests meanwhile: nothing is written
 * until every record has been checked, then the writes go in short transactions (writeInSlices).
 */

const ref = (prefix: string) => z.string().regex(new RegExp(`^${prefix}_[0-9a-f]{8,64}$`));
const timestamp = z.string().min(1).max(100);
const offset = z.number().int().nonnegative().max(LIMITS.maxTextChars);
const name = z.string().max(LIMITS.maxNameChars);
const located = z.object({
  position: z.object({ start: offset, end: offset.positive() }),
  // the same bounds as a claim made through the API; context past QUOTE_CONTEXT is not used
  quote: z.object({
    exact: z.string().min(1).max(LIMITS.maxFieldChars),
    prefix: name,
    suffix: name,
  }),
});

/** The file's frame; its records are checked one by one (fileDocument, fileEntity, fileClaim). */
const frame = z.object({
  format: z.literal(CLAIMS_FORMAT),
  version: z.union(CLAIMS_FORMAT_READABLE.map((v) => z.literal(v))),
  documents: z.array(z.unknown()),
  entities: z.array(z.unknown()),
  claims: z.array(z.unknown()),
  // a filter's export leaves mentions out
  mentions: z.array(z.unknown()).default([]),
});
const fileDocument = z.object({
  id: name,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  title: z.string().max(LIMITS.maxFieldChars),
});
const fileEntity = z.object({
  id: ref('ent'),
  // the entity's own fields: the same rules as entities.create and entities.update (an http(s)
  // URL only, a Wikidata item id, bounded names); the kind must be in the vocabulary (below)
  ...entityFields,
  createdAt: timestamp,
  updatedAt: timestamp,
});
const fileClaim = z.object({
  id: ref('clm'),
  documentId: name,
  // the claim's own fields: the same rules as claims.create and claims.update
  ...claimFieldRules,
  spans: z.array(located).min(1).max(LIMITS.maxSpans),
  hedges: claimFields.shape.hedges,
  relations: z
    .array(
      z.object({
        id: ref('rel'),
        kind: z.enum(RELATION_KINDS),
        direction: z.enum(['outgoing', 'incoming']),
        claimId: ref('clm'),
        note: z.string().max(LIMITS.maxFieldChars),
        createdAt: timestamp,
      }),
    )
    .max(100),
  createdAt: timestamp,
  updatedAt: timestamp,
});

const fileMention = z.object({
  id: ref('men'),
  documentId: name,
  entityId: ref('ent'),
  ...located.shape,
  createdAt: timestamp,
});

type FileClaim = z.infer<typeof fileClaim>;
interface ClaimsFile {
  documents: z.infer<typeof fileDocument>[];
  entities: z.infer<typeof fileEntity>[];
  mentions: z.infer<typeof fileMention>[];
  claims: FileClaim[];
}

const notClaimsJson = (where: string, message: string) =>
  new AppError(
    'invalid_input',
    `This is not a Claimdesk claims JSON (version ${CLAIMS_FORMAT_READABLE.join(' or ')}) this version can read: ` +
      `${where || 'file'}: ${message}`,
  );

/** Parses and checks a claims JSON, in slices that yield (see above). */
export async function parseClaimsJson(text: string): Promise<ClaimsFile> {
  const pause = slicer();
  let data: unknown;
  try {
    data = await parseJsonInSlices(text, pause);
  } catch {
    throw new AppError(
      'invalid_input',
      'This file is not JSON. Import a claims JSON exported by Claimdesk.',
    );
  }
  const top = frame.safeParse(data);
  if (!top.success) {
    const issue = top.error.issues[0]!;
    throw notClaimsJson(issue.path.join('.'), issue.message);
  }
  const check = async <T>(list: unknown[], schema: z.ZodType<T>, key: string): Promise<T[]> => {
    const out: T[] = [];
    for (let i = 0; i < list.length; i++) {
      const parsed = schema.safeParse(list[i]);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw notClaimsJson([key, i, ...issue.path].join('.'), issue.message);
      }
      out.push(parsed.data);
      await pause();
    }
    return out;
  };
  return {
    documents: await check(top.data.documents, fileDocument, 'documents'),
    entities: await check(top.data.entities, fileEntity, 'entities'),
    mentions: await check(top.data.mentions, fileMention, 'mentions'),
    claims: await check(top.data.claims, fileClaim, 'claims'),
  };
}

/** Longest stretch of work before yielding to the event loop (other requests wait at most this). */
const SLICE_MS = 25;

/** A function to await often in long work: it yields to the event loop once a slice is used up. */
function slicer(): () => Promise<void> {
  let sliceStart = performance.now();
  return async () => {
    if (performance.now() - sliceStart < SLICE_MS) return;
    await new Promise<void>((resume) => setImmediate(resume));
    sliceStart = performance.now();
  };
}

export interface ClaimsImportOptions {
  /** what to do with a claim or entity this workspace has with different content (default keep) */
  onConflict?: 'keep' | 'replace';
}

type Resolved =
  { documentId: DocumentId; spans: Claim['spans'] } | { skipped: SkippedClaim['reason'] };

export async function importClaimsJson(
  db: Db,
  text: string,
  options: ClaimsImportOptions = {},
): Promise<ClaimsImportOutcome> {
  const data = await parseClaimsJson(text);
  const replace = options.onConflict === 'replace';
  const outcome: ClaimsImportOutcome = {
    claims: { created: 0, updated: 0, unchanged: 0 },
    entities: { created: 0, updated: 0, unchanged: 0 },
    mentions: { created: 0, updated: 0, unchanged: 0 },
    relations: { created: 0, unchanged: 0 },
    skipped: [],
    conflicts: [],
    warnings: [],
  };
  const documents = new Map(data.documents.map((d) => [d.id, d]));

  // the long part, in slices: find every passage in this workspace's copy of its document
  const pause = slicer();
  const localDocs = new Map<
    string,
    { id: DocumentId; text: string; toUnits: (n: number) => number } | null
  >();
  /** This workspace's copy of a document of the file (same SHA-256), read once. */
  const localDoc = (fileDocumentId: string) => {
    if (!localDocs.has(fileDocumentId)) {
      const source = documents.get(fileDocumentId);
      const local = source ? findDocumentBySha256(db, source.sha256) : null;
      const text = local ? getDocumentText(db, local.id) : '';
      localDocs.set(
        fileDocumentId,
        local ? { id: local.id, text, toUnits: utf16Converter(text) } : null,
      );
    }
    return localDocs.get(fileDocumentId)!;
  };
  const resolved = new Map<string, Resolved>();
  for (const c of data.claims) {
    const doc = localDoc(c.documentId);
    if (!doc) {
      resolved.set(c.id, { skipped: 'document_missing' });
      continue;
    }
    const spans: Claim['spans'] = [];
    for (const s of c.spans) {
      const match = reanchor(doc.text, {
        start: doc.toUnits(s.position.start),
        end: doc.toUnits(s.position.end),
        ...s.quote,
      });
      await pause();
      if (match.status === 'orphan') break;
      spans.push(anchorAt(doc.text, match.start, match.end));
    }
    resolved.set(
      c.id,
      spans.length === c.spans.length
        ? { documentId: doc.id, spans }
        : { skipped: 'passage_not_found' },
    );
  }
  const mentions: Mention[] = [];
  for (const m of data.mentions) {
    const doc = localDoc(m.documentId);
    const match =
      doc &&
      reanchor(doc.text, {
        start: doc.toUnits(m.position.start),
        end: doc.toUnits(m.position.end),
        ...m.quote,
      });
    await pause();
    if (!doc || !match || match.status === 'orphan') {
      outcome.warnings.push(
        `Mention ${m.id} was left out: its passage is not in this workspace's documents.`,
      );
      continue;
    }
    mentions.push({
      id: m.id as MentionId,
      documentId: doc.id,
      entityId: m.entityId as EntityId,
      anchor: anchorAt(doc.text, match.start, match.end),
      createdAt: m.createdAt,
    });
  }

  // Before anything is written, every record is checked against the rules every write path
  // applies: one that breaks them refuses the whole file, and nothing is stored.
  const fileEntityIds = new Set(data.entities.map((e) => e.id));
  const entities: Entity[] = [];
  for (const [i, e] of data.entities.entries()) {
    const entity: Entity = { ...e, id: e.id as EntityId, externalIds: { ...e.externalIds } };
    try {
      assertInVocabulary(db, 'entity_kind', entity.kind);
    } catch (error) {
      if (error instanceof AppError)
        throw new AppError(error.code, `entities.${i}.kind: ${error.message}`);
      throw error;
    }
    entities.push(entity);
    await pause();
  }
  const claims: { claim: Claim; file: FileClaim }[] = [];
  for (const c of data.claims) {
    const found = resolved.get(c.id)!;
    if ('skipped' in found) {
      outcome.skipped.push(skippedClaim(c, found.skipped));
      continue;
    }
    const claim = toClaim(c, found.documentId, found.spans);
    const text = localDocs.get(c.documentId)!.text;
    assertClaim(db, claim, text, `Claim ${c.id}: `, fileEntityIds);
    claims.push({ claim, file: c });
    await pause();
  }

  // The writes, in slices of one short transaction each (see writeInSlices). Each decision (new,
  // same, conflict) is made against the workspace as it is when that record is written, so a
  // change made meanwhile is never overwritten without the option to replace.
  // the undo step's records: those of the slice being written join `before`/`after` once it commits
  const before: Snapshot[] = [];
  const after: Snapshot[] = [];
  let slice: { before: Snapshot[]; after: Snapshot[] } = { before: [], after: [] };
  const write = <T extends { id: string }>(
    kind: string,
    old: T | null,
    value: T,
    put: () => void,
  ) => {
    put();
    slice.before.push({ kind, id: value.id, value: old });
    slice.after.push({ kind, id: value.id, value });
  };
  /** created, unchanged, replaced (on the explicit option) or kept as a reported conflict */
  const merge = <T extends { id: string }>(
    kind: 'claim' | 'entity' | 'mention',
    local: T | null,
    incoming: T,
    put: () => void,
  ) => {
    const counts = { claim: outcome.claims, entity: outcome.entities, mention: outcome.mentions }[
      kind
    ];
    if (!local) {
      write(kind, null, incoming, put);
      counts.created++;
    } else if (sameContent(local, incoming)) counts.unchanged++;
    else if (replace) {
      write(kind, local, incoming, put);
      counts.updated++;
      outcome.conflicts.push({ kind, id: incoming.id, resolution: 'replaced' });
    } else outcome.conflicts.push({ kind, id: incoming.id, resolution: 'kept_local' });
  };

  const steps: (() => void)[] = [];
  for (const entity of entities)
    steps.push(() =>
      merge('entity', findEntity(db, entity.id), entity, () => putEntity(db, entity)),
    );

  const sameMention = db
    .prepare(
      `SELECT EXISTS (SELECT 1 FROM mentions WHERE id <> @id AND document_id = @documentId
         AND entity_id = @entityId AND start = @start AND end = @end)`,
    )
    .pluck();
  for (const m of mentions) {
    steps.push(() => {
      if (!findEntity(db, m.entityId)) {
        outcome.warnings.push(
          `Mention ${m.id} names entity ${m.entityId}, which neither the file nor this workspace has; it was left out.`,
        );
        return;
      }
      if (!documentExists(db, m.documentId)) {
        outcome.warnings.push(
          `Mention ${m.id} was left out: its document was deleted during the import.`,
        );
        return;
      }
      // the same mention made here under another id is the same mention
      if (sameMention.get({ ...m, ...m.anchor })) outcome.mentions.unchanged++;
      else merge('mention', findMention(db, m.id), m, () => putMention(db, m));
    });
  }

  const imported = new Set<string>();
  for (const { claim, file } of claims) {
    steps.push(() => {
      // a document deleted while the passages were being found is missing now
      if (!documentExists(db, claim.documentId)) {
        outcome.skipped.push(skippedClaim(file, 'document_missing'));
        return;
      }
      // an entity it names was deleted meanwhile: the rules are checked again as it is written
      const problem = claimProblem(db, claim);
      if (problem) {
        outcome.warnings.push(`Claim ${claim.id} was left out: ${problem.message}`);
        return;
      }
      imported.add(claim.id);
      merge('claim', findClaim(db, claim.id), claim, () => putClaim(db, claim));
    });
  }

  const seen = new Set<string>();
  const exists = db
    .prepare(
      `SELECT EXISTS (SELECT 1 FROM claim_relations WHERE id = @id
         OR (from_claim_id = @fromClaimId AND to_claim_id = @toClaimId AND kind = @kind))`,
    )
    .pluck();
  const claimExists = db.prepare('SELECT EXISTS (SELECT 1 FROM claims WHERE id = ?)').pluck();
  for (const { file: c } of claims) {
    for (const r of c.relations) {
      if (seen.has(r.id)) continue;
      seen.add(r.id);
      const [from, to] = r.direction === 'outgoing' ? [c.id, r.claimId] : [r.claimId, c.id];
      const relation: ClaimRelation = {
        id: r.id as RelationId,
        fromClaimId: from as ClaimId,
        toClaimId: to as ClaimId,
        kind: r.kind,
        note: r.note,
        createdAt: r.createdAt,
      };
      steps.push(() => {
        if (!imported.has(c.id) || !claimExists.get(from) || !claimExists.get(to)) return;
        if (exists.get(relation)) outcome.relations.unchanged++;
        else {
          write('relation', null, relation, () => putRelation(db, relation));
          outcome.relations.created++;
        }
      });
    }
  }

  try {
    await writeInSlices(db, steps, (committed) => {
      if (committed) {
        before.push(...slice.before);
        after.push(...slice.after);
      }
      slice = { before: [], after: [] };
    });
  } finally {
    // also when a slice failed: what the earlier slices wrote is one step the researcher can undo
    if (after.length > 0) db.transaction(() => recordAction(db, 'import claims', before, after))();
  }
  return outcome;

  function skippedClaim(c: FileClaim, reason: SkippedClaim['reason']): SkippedClaim {
    const source = documents.get(c.documentId);
    return {
      claimId: c.id,
      documentId: c.documentId,
      sha256: source?.sha256 ?? '',
      title: source?.title ?? '',
      reason,
    };
  }
}

/**
 * Runs the import's writes in short transactions, yielding to the event loop between them, so a
 * file of tens of thousands of claims never holds other requests for longer than a slice.
 *
 * Why not one transaction: better-sqlite3 runs a transaction synchronously, and an open transaction
 * cannot be left across an await without the requests answered meanwhile writing into it. Each
 * slice is complete in itself (a claim with its passages, subjects and tags), so the workspace is
 * consistent between slices, and the undo step covering all of them is recorded once they are
 * written. Should the process end in the middle, the records written so far stay, and importing
 * the same file again completes the rest (records merge by id: nothing is duplicated).
 */
async function writeInSlices(
  db: Db,
  steps: (() => void)[],
  ended: (committed: boolean) => void,
): Promise<void> {
  let next = 0;
  while (next < steps.length) {
    try {
      db.transaction(() => {
        const sliceStart = performance.now();
        do steps[next++]!();
        while (next < steps.length && performance.now() - sliceStart < SLICE_MS);
      })();
    } catch (error) {
      ended(false);
      throw error;
    }
    ended(true);
    if (next < steps.length) await new Promise<void>((resume) => setImmediate(resume));
  }
}

/** Same record but for its timestamps (a file's timestamps are not trusted to order versions). */
function sameContent(local: object, incoming: object): boolean {
  const strip = (value: object) => {
    const { createdAt: _created, updatedAt: _updated, ...rest } = value as Record<string, unknown>;
    return stableJson(rest);
  };
  return strip(local) === strip(incoming);
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function documentExists(db: Db, id: DocumentId): boolean {
  return !!cached(db, 'SELECT EXISTS (SELECT 1 FROM documents WHERE id = ?)', 'pluck').get(id);
}

function toClaim(c: FileClaim, documentId: DocumentId, spans: Claim['spans']): Claim {
  return {
    id: c.id as ClaimId,
    documentId,
    spans,
    statement: c.statement,
    claimantId: c.claimantId,
    subjectIds: c.subjectIds,
    type: c.type,
    stance: c.stance,
    certainty: c.certainty,
    hedges: c.hedges,
    eventDate: c.eventDate,
    placeId: c.placeId,
    tags: c.tags,
    note: c.note,
    status: c.status,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}
