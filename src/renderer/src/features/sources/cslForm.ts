/**
 * The source dialog's form: every CSL field as typed, creators as a list of rows, and the patch of
 * only what changed (sources.update validates it). One place for the mapping both ways.
 */
import type { Input } from '../../../../shared/api';
import {
  CSL_TEXT_FIELDS,
  cslDate,
  isoDate,
  type CslItem,
  type CslName,
  type CslTextField,
} from '../../../../shared/csl';
import { partialDateProblem } from '../../../../shared/partial-date';

export interface CreatorRow {
  family: string;
  /** empty for an organization or a name kept whole */
  given: string;
}

export type SourceForm = Record<CslTextField, string> & {
  type: string;
  issued: string;
  author: CreatorRow[];
  editor: CreatorRow[];
};

/** The creator roles the dialog edits as lists, in its order. */
export const CREATOR_ROLES = ['author', 'editor'] as const;
export type CreatorRole = (typeof CREATOR_ROLES)[number];

export type CslPatch = Input<'sources.update'>['patch'];

const rowOf = (name: CslName): CreatorRow =>
  name.literal !== undefined
    ? { family: name.literal, given: '' }
    : { family: name.family ?? '', given: name.given ?? '' };

/** A row as a CSL name: without a given name it is kept whole (organizations). */
const nameOf = (row: CreatorRow): CslName | null => {
  const family = row.family.trim();
  const given = row.given.trim();
  if (!family && !given) return null;
  return given && family ? { family, given } : { literal: family || given };
};

export function formFromCsl(csl: CslItem): SourceForm {
  const text = Object.fromEntries(
    CSL_TEXT_FIELDS.map((f) => [f, typeof csl[f] === 'string' ? csl[f] : '']),
  ) as Record<CslTextField, string>;
  return {
    ...text,
    type: csl.type || 'document',
    issued: isoDate(csl.issued) ?? '',
    author: (csl.author ?? []).map(rowOf),
    editor: (csl.editor ?? []).map(rowOf),
  };
}

/** The fields that changed, or the problems that keep the form from being saved. */
export function cslChanges(
  csl: CslItem,
  form: SourceForm,
): { patch: CslPatch; problems: Partial<Record<keyof SourceForm, string>> } {
  const patch: CslPatch = {};
  const problems: Partial<Record<keyof SourceForm, string>> = {};
  const before = formFromCsl(csl);
  for (const field of CSL_TEXT_FIELDS) {
    const value = form[field].trim();
    if (value !== before[field].trim()) patch[field] = value === '' ? null : value;
  }
  if (form.type !== before.type) patch.type = form.type;
  const issued = form.issued.trim();
  if (issued !== before.issued) {
    const problem = issued ? partialDateProblem(issued) : null;
    if (problem) problems.issued = problem;
    else patch.issued = issued ? cslDate(issued) : null;
  }
  for (const role of CREATOR_ROLES) {
    const names = form[role].map(nameOf).filter((n): n is CslName => n !== null);
    const beforeNames = before[role].map(nameOf).filter((n): n is CslName => n !== null);
    if (JSON.stringify(names) !== JSON.stringify(beforeNames))
      patch[role] = names.length ? names : null;
  }
  return { patch, problems };
}
