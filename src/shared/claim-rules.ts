/**
 * THE shape rules of a claim's fields, once: the API (create, update), the claims JSON import, the
 * bundle import, `claimdesk check` and the renderer's field validation all use these, so a value
 * one path refuses no other path stores. The rules that need the workspace (entities exist, the
 * type is in the vocabulary, passages lie inside the text) live once in the backend
 * (src/main/db/claim-rules.ts).
 */
import { z } from 'zod';
import { id } from './api-declare';
import { LIMITS } from './limits';
import { CERTAINTIES, REVIEW_STATUSES, STANCES, type EntityId } from './model';
import { partialDateProblem } from './partial-date';

const entityRef = id<EntityId>('ent');

/** Why a value is not a partial date (empty = no date is the caller's business), or null. */
export const eventDateProblem = (value: string): string | null => partialDateProblem(value);

/** 2018, 2018-11, 2018-11-07, or a range of those joined by "/" */
export const partialDate = z.string().superRefine((s, ctx) => {
  const problem = partialDateProblem(s);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/**
 * Why a list of tags cannot be stored as given, or null. Tags keep the order the researcher gave
 * them, so a list with a blank, padded or repeated tag is refused rather than silently tidied
 * (a tidied list would come back different from what was sent, or exported).
 */
export function tagsProblem(tags: readonly string[]): string | null {
  if (tags.length > MAX_TAGS) return `A claim has at most ${MAX_TAGS} tags.`;
  const seen = new Set<string>();
  for (const tag of tags) {
    if (tag.trim() === '') return 'A tag cannot be blank.';
    if (tag !== tag.trim()) return `The tag "${shown(tag)}" has spaces around it.`;
    if (tag.length > LIMITS.maxNameChars)
      return `A tag is at most ${LIMITS.maxNameChars} characters long.`;
    if (seen.has(tag)) return `The tag "${shown(tag)}" is given twice.`;
    seen.add(tag);
  }
  return null;
}

/** Why a list of entity ids (subjects) cannot be stored, or null: each once, in the given order. */
export function subjectsProblem(ids: readonly string[]): string | null {
  if (ids.length > MAX_SUBJECTS) return `A claim has at most ${MAX_SUBJECTS} subjects.`;
  const seen = new Set<string>();
  for (const subject of ids) {
    if (seen.has(subject)) return `The subject ${shown(subject)} is given twice.`;
    seen.add(subject);
  }
  return null;
}

const MAX_TAGS = 100;
const MAX_SUBJECTS = 100;
const shown = (s: string) => (s.length > 40 ? `${s.slice(0, 37)}…` : s);

const refine =
  (problem: (value: readonly string[]) => string | null) =>
  (value: readonly string[], ctx: z.RefinementCtx) => {
    const message = problem(value);
    if (message) ctx.addIssue({ code: 'custom', message });
  };

/** One rule per editable field of a claim. */
export const claimFieldRules = {
  statement: z.string().max(LIMITS.maxFieldChars),
  stance: z.enum(STANCES),
  certainty: z.enum(CERTAINTIES).nullable(),
  type: z
    .string()
    .min(1, 'A claim type cannot be blank.')
    .max(LIMITS.maxNameChars)
    .refine((s) => s.trim() === s && s !== '', 'A claim type cannot be blank or padded.'),
  eventDate: partialDate.nullable(),
  claimantId: entityRef.nullable(),
  subjectIds: z.array(entityRef).max(MAX_SUBJECTS).superRefine(refine(subjectsProblem)),
  placeId: entityRef.nullable(),
  tags: z.array(z.string().max(LIMITS.maxNameChars)).max(MAX_TAGS).superRefine(refine(tagsProblem)),
  note: z.string().max(LIMITS.maxFieldChars),
  status: z.enum(REVIEW_STATUSES),
};

/** Every editable field, each optional: a claim edit (claims.update) or a new claim's fields. */
export const claimPatch = z.strictObject(claimFieldRules).partial();

/** The fields of a stored claim, all present: the imports and `check` hold stored claims to it. */
export const claimFields = z.object({
  ...claimFieldRules,
  hedges: z.array(z.string().max(LIMITS.maxNameChars)).max(MAX_TAGS),
});

/** The first problem with a whole claim's fields as "field: message", or null. */
export function claimFieldsProblem(claim: unknown): string | null {
  const parsed = claimFields.safeParse(claim);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0]!;
  return `${issue.path.join('.') || 'claim'}: ${issue.message}`;
}
