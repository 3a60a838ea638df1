import { splitsCharacter } from '../../shared/anchor';
import { claimFieldsProblem } from '../../shared/claim-rules';
import type { Claim, TextAnchor } from '../../shared/model';
import { AppError } from '../errors';
import { getDocumentText } from './documents';
import type { Db } from './open';
import { cached } from './statements';

/**
 * THE reference rules of a claim, once: what a claim points at must be there (its entities, its
 * type in the workspace's vocabulary, its passages inside its document's text, with a quote that
 * is not blank). Every write path applies them after the shape rules (src/shared/claim-rules.ts):
 * claims.create and claims.update, the claims JSON import, the bundle import, and `claimdesk check`
 * reports what breaks them.
 */

export interface RuleProblem {
  code: 'invalid_input' | 'not_found';
  message: string;
}

type References = Pick<Claim, 'claimantId' | 'subjectIds' | 'placeId' | 'type'>;

/** The first passage that is not a non-blank stretch of `text` as quoted, or null. */
export function spansProblem(text: string, spans: readonly TextAnchor[]): RuleProblem | null {
  if (spans.length === 0) return { code: 'invalid_input', message: 'A claim needs a passage.' };
  for (const s of spans) {
    if (
      !Number.isInteger(s.start) ||
      !Number.isInteger(s.end) ||
      s.start < 0 ||
      s.end > text.length ||
      s.start >= s.end
    ) {
      return {
        code: 'invalid_input',
        message: `The passage ${s.start}-${s.end} is outside this document's text (${text.length} characters).`,
      };
    }
    if (splitsCharacter(text, s.start) || splitsCharacter(text, s.end)) {
      return {
        code: 'invalid_input',
        message: `The passage ${s.start}-${s.end} starts or ends inside a character.`,
      };
    }
    if (text.slice(s.start, s.end) !== s.exact) {
      return {
        code: 'invalid_input',
        message: `The passage ${s.start}-${s.end} does not quote the document's text there.`,
      };
    }
  }
  if (spans.every((s) => s.exact.trim() === '')) {
    return { code: 'invalid_input', message: 'Select some text before creating a claim.' };
  }
  return null;
}

/**
 * The first reference of a claim's fields that this workspace cannot resolve, or null. `pending`:
 * ids of entities about to be written with the claim (an import checks every claim before it
 * writes anything).
 */
export function referencesProblem(
  db: Db,
  claim: Partial<References>,
  pending?: ReadonlySet<string>,
): RuleProblem | null {
  const exists = cached(db, 'SELECT EXISTS (SELECT 1 FROM entities WHERE id = ?)', 'pluck');
  const roles: [string, (string | null | undefined)[]][] = [
    ['claimant', [claim.claimantId]],
    ['subject', claim.subjectIds ?? []],
    ['place', [claim.placeId]],
  ];
  for (const [role, ids] of roles) {
    for (const id of ids) {
      if (id && !pending?.has(id) && !exists.get(id)) {
        return {
          code: 'not_found',
          message: `No entity with id ${id} (${role}) in this workspace. It may have been deleted.`,
        };
      }
    }
  }
  if (claim.type !== undefined) {
    // read here rather than through vocabulary.ts, which imports the history (an import cycle)
    const types = cached(
      db,
      `SELECT value FROM vocabulary WHERE list = 'claim_type' ORDER BY position`,
      'pluck',
    ).all() as string[];
    if (!types.includes(claim.type)) {
      return {
        code: 'invalid_input',
        message: `"${claim.type.slice(0, 40)}" is not one of this workspace's claim types (${types.join(', ')}). Add it to the list first.`,
      };
    }
  }
  return null;
}

/**
 * Every rule over a whole claim: shape, references, and (when the text is given) its passages.
 * `text` may be omitted when the passages did not change (an edit), to spare reading the document.
 */
export function claimProblem(
  db: Db,
  claim: Claim,
  text?: string,
  pending?: ReadonlySet<string>,
): RuleProblem | null {
  const shape = claimFieldsProblem(claim);
  if (shape) return { code: 'invalid_input', message: shape };
  return (
    referencesProblem(db, claim, pending) ??
    (text === undefined ? null : spansProblem(text, claim.spans))
  );
}

/** Throws the claim's first problem; `prefix` names the claim where several are written at once. */
export function assertClaim(
  db: Db,
  claim: Claim,
  text?: string,
  prefix = '',
  pending?: ReadonlySet<string>,
): void {
  const problem = claimProblem(db, claim, text, pending);
  if (problem)
    throw new AppError(prefix ? 'invalid_input' : problem.code, prefix + problem.message);
}

/**
 * The claims of the workspace that break a rule (for `claimdesk check` and the bundle import), with
 * the first problem of each; each document's text is read once.
 */
export function claimRuleViolations(
  db: Db,
  claims: Iterable<Claim>,
  limit = 100,
): { claimId: string; message: string }[] {
  const texts = new Map<string, string>();
  const out: { claimId: string; message: string }[] = [];
  for (const claim of claims) {
    let text = texts.get(claim.documentId);
    if (text === undefined) {
      text = getDocumentText(db, claim.documentId);
      texts.clear(); // claims come by document: keep one text, not a workspace's worth
      texts.set(claim.documentId, text);
    }
    const problem = claimProblem(db, claim, text);
    if (problem) out.push({ claimId: claim.id, message: problem.message });
    if (out.length >= limit) break;
  }
  return out;
}
