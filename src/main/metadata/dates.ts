/**
 * Publication dates a document states in so many words: a `date 2018-05-01` line (scraped
 * corpora), or a labelled dateline ("Published: 12 March 2019", "Date: May 2019"). A date found
 * elsewhere in the text is an event, not the document's date, and is never taken.
 */

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

const pad = (n: number) => String(n).padStart(2, '0');

function monthOf(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  const index = MONTHS.findIndex((m) => m === w || (w.length >= 3 && m.startsWith(w)));
  return index < 0 ? null : index + 1;
}

/** A written date ("2019-03-12", "12 March 2019", "March 12, 2019", "March 2019", "2019") → ISO. */
export function parseWrittenDate(raw: string): string | null {
  const s = raw.trim().replace(/\s+/g, ' ');
  let m = /^(\d{4})-(\d{2})(?:-(\d{2}))?\b/.exec(s);
  if (m) {
    const [, y, mo, d] = m;
    if (Number(mo) < 1 || Number(mo) > 12 || (d && (Number(d) < 1 || Number(d) > 31))) return null;
    return d ? `${y}-${mo}-${d}` : `${y}-${mo}`;
  }
  m = /^(\d{1,2}) ([A-Za-z]+\.?),? (\d{4})\b/.exec(s);
  if (m && monthOf(m[2]!) && Number(m[1]) >= 1 && Number(m[1]) <= 31)
    return `${m[3]}-${pad(monthOf(m[2]!)!)}-${pad(Number(m[1]))}`;
  m = /^([A-Za-z]+\.?) (\d{1,2}),? (\d{4})\b/.exec(s);
  if (m && monthOf(m[1]!) && Number(m[2]) >= 1 && Number(m[2]) <= 31)
    return `${m[3]}-${pad(monthOf(m[1]!)!)}-${pad(Number(m[2]))}`;
  m = /^([A-Za-z]+\.?),? (\d{4})\b/.exec(s);
  if (m && monthOf(m[1]!)) return `${m[2]}-${pad(monthOf(m[1]!)!)}`;
  m = /^(\d{4})\b/.exec(s);
  if (m && Number(m[1]) >= 1400) return m[1]!;
  return null;
}

const DATELINE =
  /^\s*(?:date|dated|published(?: on)?|publication date|first published|posted(?: on)?|released?)\s*[:\s]\s*(.+)$/i;

/** The date a line states as the document's own, or null. */
export function datelineDate(line: string): string | null {
  const m = DATELINE.exec(line);
  return m ? parseWrittenDate(m[1]!) : null;
}
