/**
 * What an EPUB's package document (OPF) says about the book, field by field with its origin:
 * dc:title (with an EPUB 3 subtitle), dc:creator/dc:contributor with their MARC roles (aut → author,
 * edt → editor; other roles such as illustrator or translator are not the book's authors) and
 * file-as names ("Roe, Jane"), dc:date (the publication date; EPUB 2 creation/modification events
 * are not), dc:language, dc:publisher, dc:description, and ISBN/DOI identifiers.
 *
 * EPUB 2 puts role and file-as in `opf:` attributes; EPUB 3 in `<meta refines="#id">` elements.
 */
import {
  addFound,
  cslDate,
  emptyFound,
  parseName,
  type CslName,
  type FoundMeta,
} from '../../shared/csl';
import { descendants, xmlText, type XmlElement } from '../importers/epub-package';
import { normalizeDate } from '../importers/structure';
import { findDoi, findIsbn } from './identifiers';

const OPF_NS = 'http://www.idpf.org/2007/opf';
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

export function opfFound(opf: XmlElement): FoundMeta {
  const found = emptyFound();
  const metadata = descendants(opf, 'metadata')[0];
  if (!metadata) return found;
  const dc = (name: string) => descendants(metadata, name).filter((el) => xmlText(el) !== '');
  const from = (name: string) => `EPUB package (dc:${name})`;

  // EPUB 3 refinements: property values by the id of the element they refine
  const refines = new Map<string, Map<string, string>>();
  for (const meta of descendants(metadata, 'meta')) {
    const target = (meta.getAttribute('refines') ?? '').replace(/^#/, '');
    const property = meta.getAttribute('property');
    if (!target || !property) continue;
    const map = refines.get(target) ?? new Map<string, string>();
    if (!map.has(property)) map.set(property, xmlText(meta));
    refines.set(target, map);
  }
  const refined = (el: XmlElement, property: string) =>
    refines.get(el.getAttribute('id') ?? '')?.get(property) ?? null;
  const opfAttr = (el: XmlElement, name: string) =>
    el.getAttributeNS(OPF_NS, name) || el.getAttribute(`opf:${name}`) || null;

  const titles = dc('title');
  const main = titles.find((t) => refined(t, 'title-type') === 'main') ?? titles[0];
  const subtitle = titles.find((t) => refined(t, 'title-type') === 'subtitle');
  if (main) {
    const title = xmlText(main);
    addFound(found, 'title', subtitle ? `${title}: ${xmlText(subtitle)}` : title, from('title'));
  }

  const byRole: Record<'author' | 'editor', CslName[]> = { author: [], editor: [] };
  for (const [tag, defaultRole] of [
    ['creator', 'aut'],
    ['contributor', ''],
  ] as const) {
    for (const el of dc(tag)) {
      const role = (refined(el, 'role') ?? opfAttr(el, 'role') ?? defaultRole).trim().toLowerCase();
      const field = role === 'aut' ? 'author' : role === 'edt' ? 'editor' : null;
      if (!field) continue;
      const fileAs = refined(el, 'file-as') ?? opfAttr(el, 'file-as');
      // a sorted "Family, Given" splits reliably; a display name is split by parseName's rules
      byRole[field].push(parseName(fileAs?.includes(',') ? fileAs : xmlText(el)));
    }
  }
  addFound(found, 'author', byRole.author, from('creator'));
  addFound(found, 'editor', byRole.editor, from('contributor'));

  const dates = dc('date');
  const published =
    dates.find((d) => opfAttr(d, 'event')?.toLowerCase() === 'publication') ??
    dates.find((d) => !opfAttr(d, 'event'));
  if (published)
    addFound(found, 'issued', cslDate(normalizeDate(xmlText(published))), from('date'));

  const language = dc('language')
    .map(xmlText)
    .find((l) => LANGUAGE_TAG.test(l));
  addFound(found, 'language', language, from('language'));
  addFound(found, 'publisher', dc('publisher').map(xmlText)[0], from('publisher'));
  addFound(found, 'abstract', dc('description').map(xmlText)[0], from('description'));

  for (const el of dc('identifier')) {
    const value = xmlText(el);
    const scheme = (opfAttr(el, 'scheme') ?? refined(el, 'identifier-type') ?? '').toLowerCase();
    const bare = value.replace(/^urn:(?:isbn|doi):/i, '').replace(/^(?:isbn|doi):\s*/i, '');
    if (
      /^urn:isbn:|^isbn:/i.test(value) ||
      scheme.includes('isbn') ||
      /^[\d-]{10,17}X?$/i.test(bare)
    )
      addFound(found, 'ISBN', findIsbn(`ISBN ${bare}`), from('identifier'));
    else
      addFound(
        found,
        'DOI',
        findDoi(`doi: ${bare.replace(/^https?:\/\/(?:dx\.)?doi\.org\//i, '')}`, ''),
        from('identifier'),
      );
  }
  addFound(found, 'type', 'book', 'EPUB package');
  return found;
}
