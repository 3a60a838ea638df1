/**
 * The summary a highlight shows on hover (as its title, which costs nothing until the pointer rests
 * on it): the mentioned entity, and for claims the claimant, subjects, certainty and date.
 */
import type { MentionInfo } from '../../../../shared/api-entities';
import type { Claim } from '../../../../shared/model';
import { excerpt } from '../claims/fields';

export interface EntityName {
  name: string;
  kind: string;
}

export function claimLine(claim: Claim, entity: (id: string) => EntityName | undefined): string {
  const name = (id: string | null) => (id ? (entity(id)?.name ?? '…') : null);
  const parts = [
    claim.claimantId ? `by ${name(claim.claimantId)}` : null,
    claim.subjectIds.length ? `about ${claim.subjectIds.map((s) => name(s)).join(', ')}` : null,
    claim.certainty,
    claim.eventDate,
  ].filter((p): p is string => !!p);
  const meta = parts.length > 0 ? ` (${parts.join(' · ')})` : '';
  return `• ${excerpt(claim.statement, 140)}${meta}`;
}

export function mentionLine(m: Pick<MentionInfo, 'entityName' | 'entityKind'>): string {
  return `${m.entityKind[0]?.toUpperCase() ?? ''}${m.entityKind.slice(1)}: ${m.entityName}`;
}

/**
 * Sets the title of the highlight under the pointer. A mention inside a claim shows both, since the
 * innermost element's title is the one the browser shows.
 */
export function describeHover(
  target: HTMLElement,
  claimsById: ReadonlyMap<string, Claim>,
  mentionsById: ReadonlyMap<string, MentionInfo>,
  entity: (id: string) => EntityName | undefined,
): void {
  const mark = target.closest<HTMLElement>('mark[data-claims]');
  const span = target.closest<HTMLElement>('[data-mentions]');
  if (!mark && !span) return;
  const lines: string[] = [];
  if (span) {
    for (const id of (span.dataset.mentions ?? '').split(' ')) {
      const m = mentionsById.get(id);
      if (m) lines.push(mentionLine(m));
    }
  }
  if (mark) {
    const ids = (mark.dataset.claims ?? '').split(' ').filter((id) => claimsById.has(id));
    if (ids.length > 0) {
      lines.push(`${ids.length > 1 ? `${ids.length} claims` : 'Claim'} (click to select):`);
      for (const id of ids) lines.push(claimLine(claimsById.get(id)!, entity));
    }
  }
  (span ?? mark)!.title = lines.join('\n');
}
