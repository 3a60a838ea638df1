import type { Snapshot } from './history';
import type { Db } from './open';

/**
 * One gesture, one undo step. The tagging popover creates an entity the moment a new name is
 * picked (so it can be shown and chosen again), which records its own "create entity" step; the
 * claim (or mention) saved with it then folds those steps into its own, so one Ctrl+Z removes the
 * claim and the entities made for it.
 *
 * Only what is safe to fold is folded: the newest, not undone steps that each did nothing but
 * create one of the named entities, and only entities nothing else uses (no mention, no other
 * claim). Anything else stays its own step: undo never removes what something else relies on.
 */
export function foldCreatedEntities(
  db: Db,
  entityIds: readonly string[],
  user: { kind: 'claim' | 'mention'; id: string },
): void {
  const wanted = new Set(entityIds);
  if (wanted.size === 0) return;
  // the gesture's own step (just recorded), then the steps before it
  const rows = db
    .prepare('SELECT seq, before, after FROM history WHERE undone = 0 ORDER BY seq DESC LIMIT ?')
    .all(wanted.size + 1) as { seq: number; before: string; after: string }[];
  const own = rows.shift();
  if (!own) return;
  let before = JSON.parse(own.before) as Snapshot[];
  let after = JSON.parse(own.after) as Snapshot[];
  const drop = db.prepare('DELETE FROM history WHERE seq = ?');
  for (const row of rows) {
    const was = JSON.parse(row.before) as Snapshot[];
    const is = JSON.parse(row.after) as Snapshot[];
    const created = is.length === 1 && was.length === 1 ? is[0]! : null;
    const onlyCreates =
      created !== null &&
      was[0]!.kind === 'entity' &&
      was[0]!.value === null &&
      created.kind === 'entity' &&
      created.id === was[0]!.id;
    if (!created || !onlyCreates || !wanted.has(created.id) || usedElsewhere(db, created.id, user))
      break;
    drop.run(row.seq);
    // oldest first, as they happened
    before = [...was, ...before];
    after = [...is, ...after];
    wanted.delete(created.id);
  }
  db.prepare('UPDATE history SET before = ?, after = ? WHERE seq = ?').run(
    JSON.stringify(before),
    JSON.stringify(after),
    own.seq,
  );
}

function usedElsewhere(
  db: Db,
  entityId: string,
  user: { kind: 'claim' | 'mention'; id: string },
): boolean {
  const claim = user.kind === 'claim' ? user.id : '';
  const mention = user.kind === 'mention' ? user.id : '';
  return Boolean(
    db
      .prepare(
        `SELECT EXISTS (SELECT 1 FROM mentions WHERE entity_id = @e AND id <> @mention)
           OR EXISTS (SELECT 1 FROM claims WHERE (claimant_id = @e OR place_id = @e) AND id <> @claim)
           OR EXISTS (SELECT 1 FROM claim_subjects WHERE entity_id = @e AND claim_id <> @claim)`,
      )
      .pluck()
      .get({ e: entityId, claim, mention }),
  );
}
