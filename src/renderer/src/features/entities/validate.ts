/**
 * Checks for the entity page's free-text fields, mirroring the backend's rules so a problem shows
 * next to the field before anything is sent.
 */

/** A Wikidata item id: Q followed by a number without leading zeros (Q42). */
export function wikidataError(raw: string): string | null {
  const value = raw.trim();
  if (value === '') return null;
  if (/^Q[1-9]\d{0,11}$/.test(value)) return null;
  const m = /(?:^|\/)(Q[1-9]\d{0,11})(?:$|[?#])/i.exec(value);
  if (m) return `Use the item id alone: ${m[1]!.toUpperCase()}.`;
  return 'A Wikidata item id looks like Q42: a Q and a number.';
}

/** Accepts an address the way people paste it, and returns what to store: Q42 for "q42". */
export const normalizeWikidata = (raw: string): string => {
  const value = raw.trim();
  return /^q[1-9]\d{0,11}$/.test(value) ? value.toUpperCase() : value;
};

export function urlError(raw: string): string | null {
  const value = raw.trim();
  if (value === '') return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'Give the full address, starting with https://';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return 'Only web addresses (https:// or http://) can be stored.';
  return null;
}

/**
 * Aliases after adding `typed` (several may be typed at once, separated by ";"): trimmed, without
 * repeats of the name or of each other, ignoring case.
 */
export function addAliases(name: string, aliases: readonly string[], typed: string): string[] {
  const seen = new Set([name, ...aliases].map((a) => a.trim().toLocaleLowerCase()));
  const out = [...aliases];
  for (const part of typed.split(';')) {
    const alias = part.replace(/\s+/g, ' ').trim();
    const key = alias.toLocaleLowerCase();
    if (alias === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(alias);
  }
  return out;
}
