import type {
  ClaimRole,
  EntityClaim,
  EntityDetail,
  EntityReferences,
  MergeOutcome,
} from '../../shared/api-entities';
import { fold } from '../../shared/match-names';
import type { ClaimId, Entity, EntityId } from '../../shared/model';
import { AppError } from '../errors';
import { now } from '../ids';
import { findClaim, getClaim, putClaim } from './claims';
import { cleanAliases, getEntity, getEntitySummary, putEntity } from './entities';
import { notebooksTiedTo } from '../notebooks/store';
import { journaled } from './journal';
import { dismissalKey, listDismissalsOfEntity, listMentions, putDismissal } from './mentions';
import type { Db } from './open';

/** Claims in which the entity is claimant, a subject or the place, with its roles in each. */
function claimRoles(db: Db, id: EntityId): Map<ClaimId, ClaimRole[]> {
  const rows = db
    .prepare(
      `SELECT id AS claim_id, 'claimant' AS role FROM claims WHERE claimant_id = @id
       UNION ALL SELECT claim_id, 'subject' FROM claim_subjects WHERE entity_id = @id
       UNION ALL SELECT id, 'place' FROM claims WHERE place_id = @id`,
    )
    .all({ id }) as { claim_id: ClaimId; role: ClaimRole }[];
  const roles = new Map<ClaimId, ClaimRole[]>();
  for (const r of rows) roles.set(r.claim_id, [...(roles.get(r.claim_id) ?? []), r.role]);
  return roles;
}

const mentionIdsOf = (db: Db, id: EntityId) =>
  (db.prepare('SELECT id FROM mentions WHERE entity_id = ?').all(id) as { id: string }[]).map(
    (r) => r.id,
  );

/** An entity's page: the entity, every mention and every claim it takes part in, across documents. */
export function getEntityDetail(db: Db, id: EntityId): EntityDetail {
  const entity = getEntitySummary(db, id);
  const titleOf = db.prepare(
    `SELECT json_extract(meta, '$.title') AS title FROM documents WHERE id = ?`,
  );
  const claims: EntityClaim[] = [];
  for (const [claimId, roles] of claimRoles(db, id)) {
    const claim = getClaim(db, claimId);
    const { title } = titleOf.get(claim.documentId) as { title: string };
    claims.push({ claim, documentTitle: title, roles });
  }
  claims.sort(
    (a, b) =>
      a.documentTitle.localeCompare(b.documentTitle) ||
      a.claim.documentId.localeCompare(b.claim.documentId) ||
      (a.claim.spans[0]?.start ?? 0) - (b.claim.spans[0]?.start ?? 0),
  );
  return { entity, mentions: listMentions(db, { entityId: id }), claims };
}

export function entityReferences(db: Db, id: EntityId): EntityReferences {
  return { mentions: mentionIdsOf(db, id).length, claims: claimRoles(db, id).size };
}

const count = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/**
 * Deletes an entity. If mentions or claims refer to it, the caller must confirm: the mentions go,
 * and the claims lose it as claimant, subject or place. Undo brings all of it back.
 */
export function deleteEntity(
  db: Db,
  id: EntityId,
  confirm: boolean,
): { deleted: Entity; references: EntityReferences } {
  return journaled(db, 'delete entity', (journal) => {
    const entity = getEntity(db, id);
    const mentions = mentionIdsOf(db, id);
    const claims = [...claimRoles(db, id).keys()];
    const references = { mentions: mentions.length, claims: claims.length };
    if ((mentions.length > 0 || claims.length > 0) && !confirm) {
      const parts = [
        ...(mentions.length ? [count(mentions.length, 'mention')] : []),
        ...(claims.length ? [count(claims.length, 'claim')] : []),
      ];
      const verb = mentions.length + claims.length === 1 ? 'refers' : 'refer';
      throw new AppError(
        'conflict',
        `${parts.join(' and ')} ${verb} to "${entity.name}". Deleting it removes the mentions and ` +
          'clears it from the claims (as claimant, subject or place). Confirm to delete it anyway.',
      );
    }
    journal.touch('entity', id);
    for (const m of mentions) journal.touch('mention', m);
    for (const c of claims) journal.touch('claim', c);
    for (const d of listDismissalsOfEntity(db, id))
      journal.touch('mention_dismissal', dismissalKey(d));
    for (const n of notebooksTiedTo(db, id)) journal.touch('notebook_ties', n);
    // mentions, subjects and dismissals cascade; claimant, place and notebook ties are set to NULL
    db.prepare('DELETE FROM entities WHERE id = ?').run(id);
    return { deleted: entity, references };
  });
}

/**
 * Merges duplicates into one entity: every mention, claim role (claimant, subject, place) and
 * dismissal moves to the survivor; the merged entities' names and aliases become its aliases, and
 * its empty description or identifiers are filled from theirs. One undoable step.
 */
export function mergeEntities(db: Db, survivorId: EntityId, mergedIds: EntityId[]): MergeOutcome {
  return journaled(db, 'merge entities', (journal) => {
    const ids = [...new Set(mergedIds)];
    if (ids.includes(survivorId)) {
      throw new AppError(
        'invalid_input',
        'An entity cannot be merged into itself; pick another survivor.',
      );
    }
    const survivor = getEntity(db, survivorId);
    const merged = ids.map((id) => getEntity(db, id));
    const mergedSet = new Set<string>(ids);

    journal.touch('entity', survivorId);
    for (const id of ids) journal.touch('entity', id);

    // mentions: move, unless the survivor already marks the very same passage
    let movedMentions = 0;
    const duplicateOf = db.prepare(
      'SELECT 1 FROM mentions WHERE entity_id = ? AND document_id = ? AND start = ? AND end = ?',
    );
    for (const id of ids) {
      for (const m of db
        .prepare('SELECT id, document_id, start, end FROM mentions WHERE entity_id = ?')
        .all(id) as {
        id: string;
        document_id: string;
        start: number;
        end: number;
      }[]) {
        journal.touch('mention', m.id);
        if (duplicateOf.get(survivorId, m.document_id, m.start, m.end)) {
          db.prepare('DELETE FROM mentions WHERE id = ?').run(m.id);
        } else {
          db.prepare('UPDATE mentions SET entity_id = ? WHERE id = ?').run(survivorId, m.id);
          movedMentions++;
        }
      }
    }

    // claims: rewrite each claim that names a merged entity in any role
    const claimIds = new Set<ClaimId>();
    for (const id of ids) for (const c of claimRoles(db, id).keys()) claimIds.add(c);
    const at = now();
    const swap = (e: EntityId | null) => (e && mergedSet.has(e) ? survivorId : e);
    for (const claimId of claimIds) {
      journal.touch('claim', claimId);
      const claim = findClaim(db, claimId)!;
      putClaim(db, {
        ...claim,
        claimantId: swap(claim.claimantId),
        placeId: swap(claim.placeId),
        subjectIds: [...new Set(claim.subjectIds.map((s) => swap(s)!))],
        updatedAt: at,
      });
    }

    // dismissals: what was dismissed for a duplicate stays dismissed for the survivor
    for (const id of ids) {
      for (const d of listDismissalsOfEntity(db, id)) {
        const moved = { ...d, entityId: survivorId };
        journal.touch('mention_dismissal', dismissalKey(d));
        journal.touch('mention_dismissal', dismissalKey(moved));
        putDismissal(db, moved);
      }
    }

    // notebooks about a duplicate are about the survivor now
    for (const id of ids) {
      for (const n of notebooksTiedTo(db, id)) {
        journal.touch('notebook_ties', n);
        db.prepare('UPDATE notebooks SET entity_id = ? WHERE id = ?').run(survivorId, n);
      }
    }

    const known = new Set([fold(survivor.name), ...survivor.aliases.map(fold)]);
    const added = cleanAliases(
      survivor.name,
      merged.flatMap((e) => [e.name, ...e.aliases]),
    ).filter((a) => !known.has(fold(a)));
    const description =
      survivor.description || merged.map((e) => e.description).find((d) => d.trim() !== '') || '';
    const externalIds = Object.assign(
      {},
      ...[...merged].reverse().map((e) => e.externalIds),
      survivor.externalIds,
    );
    for (const id of ids) db.prepare('DELETE FROM entities WHERE id = ?').run(id);
    putEntity(db, {
      ...survivor,
      aliases: cleanAliases(survivor.name, [...survivor.aliases, ...added]),
      description,
      externalIds,
      updatedAt: at,
    });
    return {
      entity: getEntity(db, survivorId),
      moved: { mentions: movedMentions, claims: claimIds.size, aliases: added },
    };
  });
}
