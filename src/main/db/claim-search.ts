import type { ClaimMatchField, ClaimSearchHit } from '../../shared/api-entities';
import { prepareQuery } from '../../shared/fuzzy';
import { fold } from '../../shared/match-names';
import type { ClaimId } from '../../shared/model';
import { getClaim } from './claims';
import type { Db } from './open';

const WEIGHT: Record<ClaimMatchField, number> = { statement: 4, entity: 3, quote: 2, document: 1 };

interface Row {
  id: ClaimId;
  document_id: string;
  statement: string;
  updated_at: string;
  title: string;
  quote: string | null;
}

/**
 * Finds claims for the "link another claim" picker. Every word of the query must occur (ignoring
 * case and diacritics) in the statement, the quoted passages, the names or aliases of the claim's
 * claimant, subjects or place, or the document's title. Claims matching in their statement rank
 * first, then by entity, quote and title; recent edits break ties.
 */
export function searchClaims(
  db: Db,
  input: { query: string; excludeClaimId?: ClaimId; limit?: number },
): ClaimSearchHit[] {
  const q = prepareQuery(input.query);
  if (!q || q.words.length === 0) return [];
  const names = new Map<string, string>();
  for (const r of db
    .prepare('SELECT id, name FROM entities UNION ALL SELECT entity_id, alias FROM entity_aliases')
    .all() as { id: string; name: string }[]) {
    names.set(r.id, `${names.get(r.id) ?? ''} ${fold(r.name)}`);
  }
  const entityText = new Map<string, string>();
  for (const r of db
    .prepare(
      `SELECT id AS claim_id, claimant_id AS entity_id FROM claims WHERE claimant_id IS NOT NULL
       UNION ALL SELECT id, place_id FROM claims WHERE place_id IS NOT NULL
       UNION ALL SELECT claim_id, entity_id FROM claim_subjects`,
    )
    .all() as { claim_id: string; entity_id: string }[]) {
    entityText.set(
      r.claim_id,
      `${entityText.get(r.claim_id) ?? ''} ${names.get(r.entity_id) ?? ''}`,
    );
  }
  const titles = new Map<string, string>();
  const rows = db
    .prepare(
      `SELECT c.id, c.document_id, c.statement, c.updated_at, json_extract(d.meta, '$.title') AS title,
         (SELECT group_concat(s.exact, ' ') FROM claim_spans s WHERE s.claim_id = c.id) AS quote
       FROM claims c JOIN documents d ON d.id = c.document_id
       WHERE c.id IS NOT @exclude`,
    )
    .all({ exclude: input.excludeClaimId ?? null }) as Row[];

  const hits: {
    id: ClaimId;
    title: string;
    score: number;
    updatedAt: string;
    matchedIn: ClaimMatchField[];
  }[] = [];
  for (const row of rows) {
    let title = titles.get(row.document_id);
    if (title === undefined) titles.set(row.document_id, (title = fold(row.title)));
    const fields: [ClaimMatchField, string][] = [
      ['statement', fold(row.statement)],
      ['entity', entityText.get(row.id) ?? ''],
      ['quote', fold(row.quote ?? '')],
      ['document', title],
    ];
    const matchedIn = new Set<ClaimMatchField>();
    let score = 0;
    let all = true;
    for (const word of q.words) {
      let best = 0;
      for (const [field, text] of fields) {
        if (!text.includes(word)) continue;
        matchedIn.add(field);
        best = Math.max(best, WEIGHT[field]);
      }
      if (best === 0) {
        all = false;
        break;
      }
      score += best;
    }
    if (!all) continue;
    // the query as a phrase in the statement beats the same words scattered
    if (q.words.length > 1 && fields[0]![1].includes(q.text)) score += 2;
    hits.push({
      id: row.id,
      title: row.title,
      score,
      updatedAt: row.updated_at,
      matchedIn: [...matchedIn],
    });
  }
  hits.sort(
    (a, b) =>
      b.score - a.score || b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id),
  );
  return hits.slice(0, input.limit ?? 20).map((h) => ({
    claim: getClaim(db, h.id),
    documentTitle: h.title,
    matchedIn: (['statement', 'quote', 'entity', 'document'] as const).filter((f) =>
      h.matchedIn.includes(f),
    ),
  }));
}
