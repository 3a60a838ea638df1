import type { ClaimCard, Corroboration } from '../../../../shared/api-analysis';
import { gradeDescription, gradeText } from '../../../../shared/grading';

/** "4 supporting · 2 independent origins", or null when nothing supports the claim. */
export function supportText(c: {
  /** the supporters, or (table rows) their number */
  supporters: readonly string[] | number;
  independentOrigins: number;
}): string | null {
  const n = typeof c.supporters === 'number' ? c.supporters : c.supporters.length;
  if (n === 0) return null;
  const origins = c.independentOrigins;
  return `${n} supporting · ${origins} independent origin${origins === 1 ? '' : 's'}`;
}

const CIRCULAR: Record<Corroboration['circular'][number], string> = {
  cycle: 'its sources cite each other in a circle',
  self_origin: 'a supporter traces back to this claim itself',
  shared_origin: 'several supporters trace back to one origin',
};

/** Why the claim's support is circular reporting, in words; null when it is not. */
export function circularText(c: Corroboration): string | null {
  if (c.circular.length === 0) return null;
  return `Circular reporting: ${c.circular.map((r) => CIRCULAR[r]).join('; ')}`;
}

/** The grade badge's text and its spoken description. */
export function gradeBadge(card: Pick<ClaimCard, 'grade'>): { text: string; title: string } {
  const text = gradeText(card.grade) || '—';
  const from =
    card.grade.reliabilityFrom === 'claimant'
      ? ' (reliability of the claimant)'
      : card.grade.reliabilityFrom === 'source'
        ? ' (reliability of the source)'
        : '';
  return { text, title: `Grade ${text}: ${gradeDescription(card.grade)}${from}` };
}
