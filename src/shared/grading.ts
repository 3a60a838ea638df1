/**
 * Admiralty / NATO grading (STANAG 2511): the reliability of a SOURCE (A–F) and the credibility of a
 * piece of INFORMATION (1–6) are assessed independently, and a grade such as "B2" states both.
 *
 * Which reliability a claim carries is decided in ONE place, the `claim_grade` view of the database
 * (migration 0005): the claimant's grade when the claimant entity is graded (a named official quoted
 * by a newspaper is the source of what they say), else the grade of the document the claim is in.
 */

export const RELIABILITIES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type Reliability = (typeof RELIABILITIES)[number];

export const CREDIBILITIES = [1, 2, 3, 4, 5, 6] as const;
export type Credibility = (typeof CREDIBILITIES)[number];

export const RELIABILITY_LABELS: Record<Reliability, string> = {
  A: 'completely reliable',
  B: 'usually reliable',
  C: 'fairly reliable',
  D: 'not usually reliable',
  E: 'unreliable',
  F: 'reliability cannot be judged',
};

export const CREDIBILITY_LABELS: Record<Credibility, string> = {
  1: 'confirmed by other sources',
  2: 'probably true',
  3: 'possibly true',
  4: 'doubtful',
  5: 'improbable',
  6: 'truth cannot be judged',
};

/** What can be graded: a document (as a source), a claimant entity, or a claim. */
export const GRADE_TARGETS = ['document', 'entity', 'claim'] as const;
export type GradeTarget = (typeof GRADE_TARGETS)[number];

/** A claim's grade as exported and shown: either half may be missing. */
export interface ClaimGrade {
  reliability: Reliability | null;
  credibility: Credibility | null;
}

/** Where a claim's reliability came from (see the rule above). */
export type ReliabilityOrigin = 'claimant' | 'source' | null;

/** "B2"; a missing half shows as "–" ("B–", "–2"); nothing graded is "". */
export function gradeText(grade: ClaimGrade): string {
  if (!grade.reliability && !grade.credibility) return '';
  return `${grade.reliability ?? '–'}${grade.credibility ?? '–'}`;
}

/** "usually reliable source, probably true" */
export function gradeDescription(grade: ClaimGrade): string {
  const parts = [
    grade.reliability ? `${RELIABILITY_LABELS[grade.reliability]} source` : 'source not graded',
    grade.credibility ? CREDIBILITY_LABELS[grade.credibility] : 'credibility not graded',
  ];
  return parts.join(', ');
}

/**
 * Whether a grade is at least as good as a minimum (A best, 1 best). A missing half never passes a
 * minimum on that half: an ungraded claim is not "at least B".
 */
export function gradeAtLeast(
  grade: ClaimGrade,
  min: { reliability?: Reliability; credibility?: Credibility },
): boolean {
  if (min.reliability && (!grade.reliability || grade.reliability > min.reliability)) return false;
  if (min.credibility && (!grade.credibility || grade.credibility > min.credibility)) return false;
  return true;
}

export const isReliability = (v: unknown): v is Reliability =>
  typeof v === 'string' && (RELIABILITIES as readonly string[]).includes(v);
export const isCredibility = (v: unknown): v is Credibility =>
  typeof v === 'number' && (CREDIBILITIES as readonly number[]).includes(v);
