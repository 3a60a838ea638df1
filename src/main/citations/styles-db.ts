/**
 * Which citation styles exist: those shipped (styles.ts) and the .csl files the researcher added
 * (table citation_styles). A style is named by its id: "apa", "mla", or an added style's slug.
 */
import type { CitationStyle } from '../../shared/api-sources';
import { BUILTIN_STYLES, DEFAULT_STYLE, isBuiltinStyle } from '../../shared/citation-styles';
import type { Db } from '../db/open';
import { AppError } from '../errors';
import { now } from '../ids';
import { formatCitation } from './format';
import { BUILTIN_STYLE_XML } from './styles';

export function listStyles(db: Db): CitationStyle[] {
  const added = db
    .prepare('SELECT id, title FROM citation_styles ORDER BY title COLLATE NOCASE')
    .all() as { id: string; title: string }[];
  return [
    ...BUILTIN_STYLES.map((s) => ({ id: s.id, title: s.title, builtin: true })),
    ...added.map((s) => ({ ...s, builtin: false })),
  ];
}

/** The XML of a style by id (the default when none is named); not_found names the choices. */
export function styleXml(db: Db, id: string = DEFAULT_STYLE): string {
  if (isBuiltinStyle(id)) return BUILTIN_STYLE_XML[id];
  const xml = db.prepare('SELECT xml FROM citation_styles WHERE id = ?').pluck().get(id) as
    string | undefined;
  if (xml !== undefined) return xml;
  const known = listStyles(db)
    .map((s) => s.id)
    .join(', ');
  throw new AppError(
    'not_found',
    `There is no citation style "${id.slice(0, 80)}". Styles: ${known}.`,
  );
}

const xmlText = (xml: string, tag: string) =>
  new RegExp(`<${tag}(?:\\s[^>]*)?>([^<]*)</${tag}>`).exec(xml)?.[1]?.trim() ?? '';

/**
 * Checks a .csl file (an independent style that citeproc can use) and reads its title and id. A
 * dependent style (one that only points at a parent) cannot format anything by itself: refused.
 */
export function readStyle(xml: string): { id: string; title: string } {
  const refuse = (why: string) =>
    new AppError('invalid_input', `This file is not a citation style Claimdesk can use: ${why}`);
  if (!/<style\b[^>]*xmlns="http:\/\/purl\.org\/net\/xbiblio\/csl"/.test(xml))
    throw refuse('it is not a CSL style (no <style> element in the CSL namespace).');
  if (/<link\b[^>]*rel="independent-parent"/.test(xml) && !/<citation\b/.test(xml))
    throw refuse('it is a dependent style; add its parent style instead.');
  if (!/<citation\b/.test(xml)) throw refuse('it has no <citation> layout.');
  const title = xmlText(xml, 'title');
  const uri = xmlText(xml, 'id');
  if (!title || !uri) throw refuse('its <info> has no <title> or <id>.');
  const slug =
    (uri.split('/').filter(Boolean).pop() ?? '')
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .slice(0, 80) || 'style';
  return { id: isBuiltinStyle(slug) ? `added-${slug}` : slug, title: title.slice(0, 300) };
}

/** Adds (or replaces) a researcher's style, after citeproc has formatted a citation with it. */
export function addStyle(db: Db, xml: string): CitationStyle {
  const style = readStyle(xml);
  formatCitation([{ item: { type: 'book', title: 'Test', author: [{ family: 'Test' }] } }], xml);
  db.prepare(
    `INSERT INTO citation_styles (id, title, xml, added_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET title = excluded.title, xml = excluded.xml`,
  ).run(style.id, style.title, xml, now());
  return { ...style, builtin: false };
}
