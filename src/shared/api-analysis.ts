/**
 * The contract of grading and analysis (issue 19): grades, claim cards with their grade and
 * corroboration, the evidence board, the timeline, the network and its GraphML/GEXF export.
 * Spread into the one `api` map in api.ts (this file must not import values from api.ts).
 */
import { z } from 'zod';
import type { ExportFile } from './api';
import type { NamedRef } from './api-search';
import {
  CREDIBILITIES,
  GRADE_TARGETS,
  RELIABILITIES,
  type Credibility,
  type GradeTarget,
  type Reliability,
  type ReliabilityOrigin,
} from './grading';
import { LIMITS } from './limits';
import { partialDateProblem } from './partial-date';
import type { Certainty, ClaimId, DocumentId, EntityId, Stance } from './model';
import { id, method } from './api-declare';

const documentId = id<DocumentId>('doc');
const entityId = id<EntityId>('ent');
const claimId = id<ClaimId>('clm');
const shortText = z.string().max(LIMITS.maxNameChars);
const dateBound = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be a date like 2018, 2018-11 or 2018-11-07')
  .superRefine((s, ctx) => {
    const problem = partialDateProblem(s);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export interface Grade {
  target: GradeTarget;
  targetId: string;
  reliability: Reliability | null;
  credibility: Credibility | null;
  note: string;
  updatedAt: string;
}

export interface ClaimGradeDetail {
  reliability: Reliability | null;
  credibility: Credibility | null;
  /** whose reliability the claim carries: its claimant's, else its source document's */
  reliabilityFrom: ReliabilityOrigin;
}

export type CircularReason = 'cycle' | 'self_origin' | 'shared_origin';

/** How well a claim is corroborated (src/main/analysis/corroboration.ts says how it is counted). */
export interface Corroboration {
  claimId: string;
  /** claims with a `supports` relation to this one */
  supporters: string[];
  /** distinct origins among the supporters, this claim's own excluded */
  independentOrigins: number;
  /** the claim its information traces back to (itself when it took it from no one) */
  originId: string;
  /** other claims of the same origin (repeats, derived from, cites) */
  sameOrigin: number;
  /** circular reporting, and why; empty when none */
  circular: CircularReason[];
}

/** A claim as the board, timeline and network show it. */
export interface ClaimCard {
  id: ClaimId;
  documentId: DocumentId;
  documentTitle: string;
  /** the document's publication date (partial) */
  publishedDate: string | null;
  statement: string;
  quote: string;
  /** first passage, code points of the canonical text, to open it in the reader */
  start: number;
  end: number;
  /** page labels of the first and last passage ("12", "12–13"); null for documents without pages */
  pages: string | null;
  claimant: NamedRef | null;
  subjects: NamedRef[];
  type: string;
  stance: Stance;
  certainty: Certainty | null;
  eventDate: string | null;
  tags: string[];
  grade: ClaimGradeDetail;
  corroboration: Corroboration;
}

/** Narrows the claims every analysis view works on (all fields AND). */
export const analysisFilter = z.strictObject({
  /** the claim's event date overlaps [from, to] (partial dates are intervals) */
  from: dateBound.optional(),
  to: dateBound.optional(),
  /** at least this reliability (A best); ungraded claims drop out */
  minReliability: z.enum(RELIABILITIES).optional(),
  /** at least this credibility (1 best); ungraded claims drop out */
  minCredibility: z
    .number()
    .int()
    .refine((n) => (CREDIBILITIES as readonly number[]).includes(n), 'must be 1–6')
    .transform((n) => n as Credibility)
    .optional(),
  documentId: documentId.optional(),
  tag: shortText.optional(),
  type: shortText.optional(),
  /** the claim names this entity as claimant, subject or place */
  entityId: entityId.optional(),
});
export type AnalysisFilter = z.output<typeof analysisFilter>;

export interface BoardGroup {
  /** the group's first claim: stable while its claims stay */
  id: string;
  /** the stance most of its claims take */
  stance: Stance;
  claims: ClaimCard[];
}

/** Claims of two groups contradict each other. */
export interface BoardContradiction {
  fromGroup: string;
  toGroup: string;
  relationIds: string[];
}

export interface Board {
  focus:
    | { kind: 'entity'; entity: NamedRef & { entityKind: string } }
    | { kind: 'claim'; claimId: ClaimId; statement: string };
  /** propositions: claims joined by supports / repeats / refines (and provenance) form one */
  groups: BoardGroup[];
  contradictions: BoardContradiction[];
  /** claims on the board (after filters) */
  total: number;
}

/**
 * Claims on a time axis as they cross the wire: grouped by everything the timeline draws and
 * filters on (event interval, type, document, grade), so 100,000 claims travel as a few hundred
 * groups and their ids, without an object or a repeated value each (`timelineClaims` in
 * shared/timeline-claims.ts expands them to one entry per claim). Days are counted from 1970-01-01;
 * ends are exclusive.
 *
 * Groups come in time order: earlier start first, then the longer interval, then the group whose
 * first claim was made first; `claimIds` holds group 0's claims, then group 1's, and so on, each
 * group's in the order they were made.
 */
export interface Timeline {
  groups: {
    eventStart: number[];
    eventEnd: number[];
    /** index into `types` */
    typeIndex: number[];
    /** index into `documents` */
    documentIndex: number[];
    /** index into `grades` */
    gradeIndex: number[];
    /** how many of `claimIds` the group holds */
    size: number[];
  };
  claimIds: ClaimId[];
  types: string[];
  /** "B2", "A–", "" when ungraded */
  grades: string[];
  /** the source's publication date as an interval; -1 where the document has none */
  documents: { id: DocumentId; title: string; publishedStart: number; publishedEnd: number }[];
  /** matching claims without an event date (not drawn) */
  undated: number;
}

export const NETWORK_EDGE_KINDS = ['claimant', 'co-subject'] as const;
export type NetworkEdgeKind = (typeof NETWORK_EDGE_KINDS)[number];

export interface NetworkNode {
  id: EntityId;
  name: string;
  kind: string;
  /** claims naming the entity */
  claimCount: number;
}

/** Only claims make an edge: claimant → subject, or two subjects of one claim. */
export interface NetworkEdge {
  id: string;
  source: EntityId;
  target: EntityId;
  kind: NetworkEdgeKind;
  /** the claims that make it, so every edge can be traced back to its passages */
  claimIds: ClaimId[];
}

export interface Network {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
}

/**
 * The network as the page draws it, compact enough for 50,000 edges: the edges as parallel columns
 * (edge i joins nodes[source[i]] and nodes[target[i]]) with the number of claims behind each. The
 * claims themselves are asked for when an edge is opened (`analysis.networkLink`): sent with every
 * edge they were most of the answer's 13 MB.
 */
export interface NetworkGraph {
  nodes: NetworkNode[];
  edges: {
    source: number[];
    target: number[];
    /** index into NETWORK_EDGE_KINDS */
    kind: number[];
    claimCount: number[];
  };
}

export const networkInput = z.strictObject({
  filter: analysisFilter.default({}),
  /** entity kinds to keep (all when omitted) */
  kinds: z.array(shortText).max(100).optional(),
  edgeKinds: z.array(z.enum(NETWORK_EDGE_KINDS)).min(1).max(2).optional(),
});
export type NetworkInput = z.output<typeof networkInput>;

/** One edge of the network the same input draws: its two entities and how they are linked. */
export const networkLinkInput = networkInput.extend({
  source: entityId,
  target: entityId,
  kind: z.enum(NETWORK_EDGE_KINDS),
});
export type NetworkLinkInput = z.output<typeof networkLinkInput>;

export const analysisApi = {
  /** Grades a document or claimant entity (reliability A–F) or a claim (credibility 1–6); null removes. */
  'grades.set': method(
    z.strictObject({
      target: z.enum(GRADE_TARGETS),
      id: z
        .string()
        .regex(/^(doc|ent|clm)_[0-9a-f]{8,64}$/, 'must be a document, entity or claim id'),
      reliability: z.enum(RELIABILITIES).nullable().optional(),
      credibility: z
        .number()
        .int()
        .refine((n) => (CREDIBILITIES as readonly number[]).includes(n), 'must be 1–6')
        .transform((n) => n as Credibility)
        .nullable()
        .optional(),
      note: z.string().max(LIMITS.maxFieldChars).optional(),
    }),
  ).returns<Grade | null>(),
  'grades.list': method(z.strictObject({ target: z.enum(GRADE_TARGETS) })).returns<Grade[]>(),

  /** Cards (grade and corroboration included) of these claims, in the order asked. */
  'analysis.cards': method(z.strictObject({ claimIds: z.array(claimId).max(5_000) })).returns<
    ClaimCard[]
  >(),
  'analysis.board': method(
    z.strictObject({
      focus: z.union([z.strictObject({ entityId }), z.strictObject({ claimId })]),
      filter: analysisFilter.default({}),
    }),
  ).returns<Board>(),
  'analysis.timeline': method(
    z.strictObject({ filter: analysisFilter.default({}) }),
  ).returns<Timeline>(),
  'analysis.network': method(networkInput).returns<NetworkGraph>(),
  /** The claims behind one edge of that network (none when the filters leave no such edge). */
  'analysis.networkLink': method(networkLinkInput).returns<ClaimId[]>(),
  /** The network for Gephi and friends, claim ids on every edge. */
  'export.network': method(
    networkInput.extend({ format: z.enum(['graphml', 'gexf']).default('graphml') }),
  ).returns<ExportFile>(),
} as const;
