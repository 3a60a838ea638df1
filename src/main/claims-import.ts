import { z } from 'zod';
import { anchorAt } from '../shared/anchor';
import type { ClaimsImportOutcome, SkippedClaim } from '../shared/api-search';
import { LIMITS } from '../shared/limits';
import { reanchor } from '../shared/reanchor';
import {
  CERTAINTIES,
  RELATION_KINDS,
  REVIEW_STATUSES,
  STANCES,
  type Claim,
  type ClaimId,
  type ClaimRelation,
  type DocumentId,
  type Entity,
  type EntityId,
  type RelationId,
} from '../shared/model';
import { findClaim, putClaim } from './db/claims';
import { findDocumentBySha256, getDocumentText } from './db/documents';
import { findEntity, putEntity } from './db/entities';
import { recordAction, type Snapshot } from './db/history';
import type { Db } from './db/open';
import { putRelation } from './db/relations';
import { AppError } from './errors';
import { CLAIMS_FORMAT, CLAIMS_FORMAT_VERSION } from './exporters/claims-json';

/**
 * Imports a claims JSON (exporters/claims-json.ts) from another workspace, merging by id: a claim,
 * entity or relation this workspace already has is updated only if the file's copy is newer
 * (updatedAt), so importing the same file twice changes nothing and never duplicates. Documents are
 * matched by SHA-256; the claims of a document this workspace does not have are skipped and
 * reported. Passages are found again by position, else by quote (the file's text may come from
 * another extraction); a quote that is gone is reported, never attached elsewhere. Mentions are not
 * imported (they follow from the entities). One undoable action.
 */

const ref = (prefix: string) => z.string().regex(new RegExp(`^${prefix}_[0-9a-f]{8,64}$`));
const timestamp = z.string().min(1).max(100);
const located = z.object({
  position: z.object({ start: z.number().int().nonnegative(), end: z.number().int().positive() }),
  quote: z.object({ exact: z.string().min(1), prefix: z.string(), suffix: z.string() }),
});

const file = z.object({
  format: z.literal(CLAIMS_FORMAT),
  version: z.literal(CLAIMS_FORMAT_VERSION),
  documents: z.array(
    z.object({ id: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), title: z.string() }),
  ),
  entities: z.array(
    z.object({
      id: ref('ent'),
      kind: z.string().min(1).max(LIMITS.maxNameChars),
      name: z.string().min(1).max(LIMITS.maxNameChars),
      aliases: z.array(z.string().max(LIMITS.maxNameChars)),
      description: z.string().max(LIMITS.maxFieldChars),
      externalIds: z.object({ wikidata: z.string().optional(), url: z.string().optional() }),
      createdAt: timestamp,
      updatedAt: timestamp,
    }),
  ),
  claims: z.array(
    z.object({
      id: ref('clm'),
      documentId: z.string(),
      statement: z.string().max(LIMITS.maxFieldChars),
      spans: z.array(located).min(1).max(LIMITS.maxSpans),
      claimantId: ref('ent').nullable(),
      subjectIds: z.array(ref('ent')),
      placeId: ref('ent').nullable(),
      type: z.string().min(1).max(LIMITS.maxNameChars),
      stance: z.enum(STANCES),
      certainty: z.enum(CERTAINTIES).nullable(),
      hedges: z.array(z.string()),
      eventDate: z
        .string()
        .regex(/^\d{4}(-\d{2}(-\d{2})?)?(\/\d{4}(-\d{2}(-\d{2})?)?)?$/)
        .nullable(),
      tags: z.array(z.string().min(1).max(LIMITS.maxNameChars)),
      note: z.string().max(LIMITS.maxFieldChars),
      status: z.enum(REVIEW_STATUSES),
      relations: z.array(
        z.object({
          id: ref('rel'),
          kind: z.enum(RELATION_KINDS),
          direction: z.enum(['outgoing', 'incoming']),
          claimId: ref('clm'),
          note: z.string(),
          createdAt: timestamp,
        }),
      ),
      createdAt: timestamp,
      updatedAt: timestamp,
    }),
  ),
});

type FileClaim = z.infer<typeof file>['claims'][number];

export function parseClaimsJson(text: string): z.infer<typeof file> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new AppError(
      'invalid_input',
      'This file is not JSON. Import a claims JSON exported by Claimdesk.',
    );
  }
  const parsed = file.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError(
      'invalid_input',
      `This is not a Claimdesk claims JSON (version ${CLAIMS_FORMAT_VERSION}) this version can read: ` +
        `${issue.path.join('.') || 'file'}: ${issue.message}`,
    );
  }
  return parsed.data;
}

/** Code point offsets → UTF-16 offsets for one text (identity when it has no astral characters). */
function fromCodePoints(text: string): (offset: number) => number {
  if (!/[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(text))
    return (offset) => Math.min(offset, text.length);
  const units: number[] = [];
  for (let i = 0; i < text.length; i++) {
    units.push(i);
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
  }
  units.push(text.length);
  return (offset) => units[Math.min(offset, units.length - 1)]!;
}

export function importClaimsJson(db: Db, text: string): ClaimsImportOutcome {
  const data = parseClaimsJson(text);
  const outcome: ClaimsImportOutcome = {
    claims: { created: 0, updated: 0, unchanged: 0 },
    entities: { created: 0, updated: 0, unchanged: 0 },
    relations: { created: 0, unchanged: 0 },
    skipped: [],
    warnings: [],
  };
  const documents = new Map(data.documents.map((d) => [d.id, d]));
  return db.transaction(() => {
    const before: Snapshot[] = [];
    const after: Snapshot[] = [];
    const write = <T extends { id: string }>(
      kind: string,
      old: T | null,
      value: T,
      put: () => void,
    ) => {
      before.push({ kind, id: value.id, value: old });
      after.push({ kind, id: value.id, value });
      put();
    };

    for (const e of data.entities) {
      const local = findEntity(db, e.id as EntityId);
      const entity: Entity = { ...e, id: e.id as EntityId, externalIds: { ...e.externalIds } };
      if (local && local.updatedAt >= e.updatedAt) outcome.entities.unchanged++;
      else {
        write('entity', local, entity, () => putEntity(db, entity));
        outcome.entities[local ? 'updated' : 'created']++;
      }
    }

    const localDocs = new Map<
      string,
      { id: DocumentId; text: string; toUnits: (n: number) => number } | null
    >();
    const imported = new Set<string>();
    for (const c of data.claims) {
      const source = documents.get(c.documentId);
      if (!localDocs.has(c.documentId)) {
        const local = source ? findDocumentBySha256(db, source.sha256) : null;
        const text = local ? getDocumentText(db, local.id) : '';
        localDocs.set(
          c.documentId,
          local ? { id: local.id, text, toUnits: fromCodePoints(text) } : null,
        );
      }
      const doc = localDocs.get(c.documentId);
      const skip = (reason: SkippedClaim['reason']) =>
        outcome.skipped.push({
          claimId: c.id,
          documentId: c.documentId,
          sha256: source?.sha256 ?? '',
          title: source?.title ?? '',
          reason,
        });
      if (!doc) {
        skip('document_missing');
        continue;
      }
      const spans = c.spans.map((s) => {
        const match = reanchor(doc.text, {
          start: doc.toUnits(s.position.start),
          end: doc.toUnits(s.position.end),
          ...s.quote,
        });
        return match.status === 'orphan' ? null : anchorAt(doc.text, match.start, match.end);
      });
      if (spans.some((s) => s === null)) {
        skip('passage_not_found');
        continue;
      }
      imported.add(c.id);
      const local = findClaim(db, c.id as ClaimId);
      if (local && local.updatedAt >= c.updatedAt) {
        outcome.claims.unchanged++;
        continue;
      }
      const claim = toClaim(
        db,
        c,
        doc.id,
        spans as NonNullable<(typeof spans)[number]>[],
        outcome.warnings,
      );
      write('claim', local, claim, () => putClaim(db, claim));
      outcome.claims[local ? 'updated' : 'created']++;
    }

    const seen = new Set<string>();
    const exists = db.prepare(
      `SELECT EXISTS (SELECT 1 FROM claim_relations WHERE id = @id
         OR (from_claim_id = @fromClaimId AND to_claim_id = @toClaimId AND kind = @kind))`,
    );
    const claimExists = db.prepare('SELECT EXISTS (SELECT 1 FROM claims WHERE id = ?)').pluck();
    for (const c of data.claims) {
      if (!imported.has(c.id)) continue;
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
        if (!claimExists.get(from) || !claimExists.get(to)) continue;
        if (exists.pluck().get(relation)) outcome.relations.unchanged++;
        else {
          write('relation', null, relation, () => putRelation(db, relation));
          outcome.relations.created++;
        }
      }
    }
    if (after.length > 0) recordAction(db, 'import claims', before, after);
    return outcome;
  })();
}

function toClaim(
  db: Db,
  c: FileClaim,
  documentId: DocumentId,
  spans: Claim['spans'],
  warnings: string[],
): Claim {
  // an entity neither file nor workspace has cannot be linked; say so rather than fail the import
  const known = (id: string | null) => {
    if (id === null) return null;
    if (findEntity(db, id as EntityId)) return id as EntityId;
    warnings.push(
      `Claim ${c.id} names entity ${id}, which neither the file nor this workspace has; the link was dropped.`,
    );
    return null;
  };
  return {
    id: c.id as ClaimId,
    documentId,
    spans,
    statement: c.statement,
    claimantId: known(c.claimantId),
    subjectIds: c.subjectIds.map(known).filter((id): id is EntityId => id !== null),
    type: c.type,
    stance: c.stance,
    certainty: c.certainty,
    hedges: c.hedges,
    eventDate: c.eventDate,
    placeId: known(c.placeId),
    tags: c.tags,
    note: c.note,
    status: c.status,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}
