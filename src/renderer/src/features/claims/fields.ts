/**
 * Parsing and validation of the claim editor's free-text fields. The rules are the shared claim
 * rules the backend applies; checking here lets the editor say what is wrong next to the field
 * before anything is sent.
 */
import { eventDateProblem } from '../../../../shared/claim-rules';

/**
 * Checks an event date with the claim rules the backend applies (src/shared/claim-rules.ts): 2018,
 * 2018-11, 2018-11-07, or a range 2018-11-07/2018-11-08. Returns the message for the user, or null
 * when the value is fine (empty means "no date").
 */
export function eventDateError(raw: string): string | null {
  const value = raw.trim();
  if (value === '') return null;
  const problem = eventDateProblem(value);
  return problem && `${problem[0]!.toUpperCase()}${problem.slice(1)}.`;
}

/** Tags typed as a comma-separated list: trimmed, de-duplicated, empty ones dropped. */
export function parseTags(raw: string): string[] {
  const seen = new Set<string>();
  for (const part of raw.split(',')) {
    const tag = part.trim().replace(/\s+/g, ' ');
    if (tag !== '') seen.add(tag);
  }
  return [...seen];
}

export const formatTags = (tags: readonly string[]): string => tags.join(', ');

/** A one-line excerpt for lists and tooltips, cut at a word boundary. */
export function excerpt(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${cut.slice(0, space > max * 0.5 ? space : max).trimEnd()}…`;
}
