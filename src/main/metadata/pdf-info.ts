/** Reading a PDF's document information dictionary: its Title, Author and dates as producers fill them. */

/** Producers put file names and placeholders in Title; those are not titles. */
export function cleanTitle(raw: string): string {
  const title = raw
    .replace(/^Microsoft (?:Word|PowerPoint|Excel) - /i, '')
    .replace(/<[^<>]*>/g, ' ') // HTML some producers copy in
    .replace(/\.(?:docx?|rtf|odt|pdf|pptx?|xlsx?|txt|tex|indd|qxd)$/i, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!/\p{L}/u.test(title)) return '';
  if (
    /^(?:untitled(?: document)?|document\d*|title|slide \d+|none|null|unknown|new document)$/i.test(
      title,
    )
  ) {
    return '';
  }
  if (/[\\/]/.test(title) && !/\s/.test(title)) return ''; // a file path
  return title;
}

/** "A. Smith; B. Jones", "A. Smith, B. Jones and C. Lee"; "Smith, John" is one person. */
export function splitAuthors(raw: string): string[] {
  if (!raw || /^(?:administrator|admin|user|owner|author|unknown)$/i.test(raw)) return [];
  const parts = raw
    .split(raw.includes(';') ? ';' : /,|\s+(?:and|&)\s+/)
    .map((a) => a.trim())
    .filter(Boolean);
  // two single words around a comma are one name, surname first
  const surnameFirst = parts.length === 2 && /^[^\s,]+,\s*[^\s,]+$/.test(raw.trim());
  return surnameFirst ? [raw.trim()] : parts;
}

/** PDF date "D:20190307120000+03'00'" → "2019-03-07" (or "2019-03", "2019" if that is all). */
export function pdfDate(raw: string): string | null {
  const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?/.exec(raw);
  if (!m) return null;
  const [, year, month, day] = m;
  if (Number(year) < 1900) return null;
  if (!month || Number(month) < 1 || Number(month) > 12) return year!;
  if (!day || Number(day) < 1 || Number(day) > 31) return `${year}-${month}`;
  return `${year}-${month}-${day}`;
}
