import type { ClaimCard, Corroboration } from '../../shared/api-analysis';
import type { NamedRef } from '../../shared/api-search';
import type { Credibility, Reliability, ReliabilityOrigin } from '../../shared/grading';
import type { Certainty, ClaimId, DocumentId, Stance } from '../../shared/model';
import type { Db } from '../db/open';
import { corroborationOf, workspaceCorroboration } from './corroboration-db';

interface CardRow {
  id: ClaimId;
  document_id: DocumentId;
  title: string;
  published: string | null;
  statement: string;
  quote: string;
  start: number | null;
  end: number | null;
  first_page: string | null;
  last_page: string | null;
  claimant: string | null;
  subjects: string;
  type: string;
  stance: Stance;
  certainty: Certainty | null;
  event_date: string | null;
  tags: string;
  reliability: Reliability | null;
  reliability_origin: ReliabilityOrigin;
  credibility: Credibility | null;
}

/** The label of the page holding offset `at` of the claim's document. */
const pageAt = (at: string) => `(SELECT p.label FROM document_pages p
  WHERE p.document_id = c.document_id AND p.start <= ${at} ORDER BY p.start DESC LIMIT 1)`;

const CARDS_SQL = `
  SELECT c.id, c.document_id, d.meta ->> '$.title' AS title,
    d.meta ->> '$.publishedDate' AS published, c.statement,
    coalesce((SELECT group_concat(s.exact, ' … ' ORDER BY s.ordinal) FROM claim_spans s
      WHERE s.claim_id = c.id), '') AS quote,
    s0.start, s0.end,
    ${pageAt('s0.start')} AS first_page,
    ${pageAt('(SELECT max(s.end) - 1 FROM claim_spans s WHERE s.claim_id = c.id)')} AS last_page,
    (SELECT json_object('id', e.id, 'name', e.name) FROM entities e WHERE e.id = c.claimant_id)
      AS claimant,
    (SELECT json_group_array(json_object('id', e.id, 'name', e.name)) FROM
      (SELECT e.id, e.name FROM claim_subjects cs JOIN entities e ON e.id = cs.entity_id
       WHERE cs.claim_id = c.id ORDER BY cs.rowid) e) AS subjects,
    c.type, c.stance, c.certainty, c.event_date,
    (SELECT json_group_array(name) FROM (SELECT t.name FROM claim_tags ct
      JOIN tags t ON t.id = ct.tag_id WHERE ct.claim_id = c.id ORDER BY t.name)) AS tags,
    g.reliability, g.reliability_origin, g.credibility
  FROM claims c JOIN documents d ON d.id = c.document_id
    JOIN claim_grade g ON g.claim_id = c.id
    LEFT JOIN claim_spans s0 ON s0.claim_id = c.id AND s0.ordinal = 0
  WHERE c.id IN (SELECT value FROM json_each(@ids))`;

/**
 * Cards of these claims in the order given (unknown ids are left out). Pass the workspace's
 * corroboration when it is already computed (the board computes it once for all its cards).
 */
export function loadCards(
  db: Db,
  ids: readonly string[],
  corroboration: Map<string, Corroboration> = workspaceCorroboration(db, new Set(ids)),
): ClaimCard[] {
  if (ids.length === 0) return [];
  const rows = db.prepare(CARDS_SQL).all({ ids: JSON.stringify(ids) }) as CardRow[];
  const byId = new Map(rows.map((r) => [r.id as string, r]));
  const out: ClaimCard[] = [];
  for (const id of ids) {
    const r = byId.get(id);
    if (r) out.push(toCard(r, corroborationOf(corroboration, id)));
  }
  return out;
}

function toCard(r: CardRow, corroboration: Corroboration): ClaimCard {
  const pages =
    r.first_page === null
      ? null
      : r.last_page && r.last_page !== r.first_page
        ? `${r.first_page}–${r.last_page}`
        : r.first_page;
  return {
    id: r.id,
    documentId: r.document_id,
    documentTitle: r.title,
    publishedDate: r.published,
    statement: r.statement,
    quote: r.quote,
    start: r.start ?? 0,
    end: r.end ?? 0,
    pages,
    claimant: r.claimant ? (JSON.parse(r.claimant) as NamedRef) : null,
    subjects: JSON.parse(r.subjects) as NamedRef[],
    type: r.type,
    stance: r.stance,
    certainty: r.certainty,
    eventDate: r.event_date,
    tags: JSON.parse(r.tags) as string[],
    grade: {
      reliability: r.reliability,
      credibility: r.credibility,
      reliabilityFrom: r.reliability_origin,
    },
    corroboration,
  };
}
