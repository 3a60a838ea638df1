/**
 * Identifiers a document states in its text: DOI, ISBN (checksum-verified) and arXiv id. Found
 * offline, in the text the importer already extracted; nothing is looked up.
 */

const DOI = /\b(10\.\d{4,9}\/[^\s"'<>]+)/g;
const LABELLED_DOI =
  /\b(?:doi|digital object identifier)\s*:?\s*(?:https?:\/\/(?:dx\.)?doi\.org\/)?(10\.\d{4,9}\/[^\s"'<>]+)/i;

/** A DOI without the punctuation around it in running text ("(doi:10.1/x)."). */
function trimDoi(raw: string): string {
  let doi = raw.replace(/[.,;:'"\]>}]+$/, '');
  // a closing parenthesis belongs to the DOI only if it opened one
  while (doi.endsWith(')') && (doi.match(/\(/g)?.length ?? 0) < (doi.match(/\)/g)?.length ?? 0))
    doi = doi.slice(0, -1).replace(/[.,;:]+$/, '');
  return doi;
}

/** The DOI the text labels as its own ("DOI: 10…"), else the first one in `firstPage`. */
export function findDoi(text: string, firstPage: string = text): string | null {
  const labelled = LABELLED_DOI.exec(text);
  if (labelled) return trimDoi(labelled[1]!);
  DOI.lastIndex = 0;
  const first = DOI.exec(firstPage);
  return first ? trimDoi(first[1]!) : null;
}

function isbnValid(digits: string): boolean {
  if (digits.length === 10) {
    let sum = 0;
    for (let i = 0; i < 10; i++) {
      const c = digits[i]!;
      const v = c === 'X' || c === 'x' ? 10 : Number(c);
      if (Number.isNaN(v) || (v === 10 && i !== 9)) return false;
      sum += v * (10 - i);
    }
    return sum % 11 === 0;
  }
  if (digits.length === 13 && /^\d{13}$/.test(digits)) {
    let sum = 0;
    for (let i = 0; i < 13; i++) sum += Number(digits[i]) * (i % 2 === 0 ? 1 : 3);
    return sum % 10 === 0;
  }
  return false;
}

/** The first ISBN the text labels ("ISBN 978-3-16-148410-0"), if its checksum holds. */
export function findIsbn(text: string): string | null {
  const pattern = /\bISBN(?:-1[03])?\s*:?\s*((?:\d[\s-]?){9}[\dXx](?:[\s-]?\d){0,3})/gi;
  for (const m of text.matchAll(pattern)) {
    const raw = m[1]!.trim().replace(/[\s-]+$/, '');
    const digits = raw.replace(/[\s-]/g, '');
    if (isbnValid(digits)) return raw.replace(/\s/g, '-');
    // a 10-digit ISBN followed by other digits: try its first ten
    if (digits.length > 10 && isbnValid(digits.slice(0, 10))) return digits.slice(0, 10);
  }
  return null;
}

/** "arXiv:2101.01234v2" or an old-style "arXiv:hep-th/9901001". */
export function findArxiv(text: string): string | null {
  const m = /\barXiv\s*:\s*(\d{4}\.\d{4,5}(?:v\d+)?|[a-z-]+(?:\.[A-Z]{2})?\/\d{7}(?:v\d+)?)/i.exec(
    text,
  );
  return m ? m[1]! : null;
}
