/**
 * Parsing and validation of the claim editor's free-text fields. The backend validates too; checking
 * here lets the editor say what is wrong next to the field before anything is sent.
 */

const PART = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** A comparable [first day, last day] for a partial date, or null when it is not a real date. */
function partialDateBounds(value: string): [string, string] | null {
  const m = PART.exec(value);
  if (!m) return null;
  const [, y, mo, d] = m;
  const month = mo === undefined ? null : Number(mo);
  if (month !== null && (month < 1 || month > 12)) return null;
  if (d !== undefined) {
    const day = Number(d);
    const daysInMonth = new Date(Date.UTC(Number(y), month!, 0)).getUTCDate();
    if (day < 1 || day > daysInMonth) return null;
    return [value, value];
  }
  if (mo !== undefined) return [`${value}-01`, `${value}-31`];
  return [`${value}-01-01`, `${value}-12-31`];
}

/**
 * Checks an event date: 2018, 2018-11, 2018-11-07, or a range 2018-11-07/2018-11-08.
 * Returns an error message for the user, or null when the value is fine (empty means "no date").
 */
export function eventDateError(raw: string): string | null {
  const value = raw.trim();
  if (value === '') return null;
  const parts = value.split('/');
  const example = 'Use a date like 2018, 2018-11, 2018-11-07, or a range 2018-11-07/2018-11-08.';
  if (parts.length > 2)
    return `Only one "/" is allowed, between the start and end of a range. ${example}`;
  const bounds = parts.map(partialDateBounds);
  if (bounds.some((b) => b === null))
    return `"${value}" is not a date Claimdesk understands. ${example}`;
  if (bounds.length === 2 && bounds[0]![0] > bounds[1]![1]) {
    return `The range ends (${parts[1]}) before it starts (${parts[0]}).`;
  }
  return null;
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
