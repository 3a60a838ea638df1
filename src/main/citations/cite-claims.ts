/**
 * Citing claims: each claim cites its document's source, at the claim's page or page range (PDFs).
 * "Copy citation", `claimdesk cite` and the notebook's footnotes use this.
 */
import type { CitationResult } from '../../shared/api-sources';
import type { CslItem } from '../../shared/csl';
import { DEFAULT_STYLE } from '../../shared/citation-styles';
import type { Claim, ClaimId, DocumentId, PageSpan } from '../../shared/model';
import { spansPageRange } from '../../shared/pages';
import { getClaim } from '../db/claims';
import { getDocument, getDocumentContent } from '../db/documents';
import type { Db } from '../db/open';
import { getSource } from '../db/sources';
import {
  formatBibliography,
  formatCitation,
  pageLocator,
  type CitationFormat,
  type Cite,
} from './format';
import { styleXml } from './styles-db';

/** The page labels a claim's passages lie on, first and last; null for a text without pages. */
export function claimPageRange(
  pages: PageSpan[],
  claim: Claim,
): { first: string; last: string } | null {
  const range = spansPageRange(pages, claim.spans);
  return range && { first: range.start.label, last: range.end.label };
}

/** What a document is cited as: its source's CSL item, titled by the document when untitled. */
export function documentItem(db: Db, documentId: DocumentId): CslItem {
  const document = getDocument(db, documentId);
  const { csl } = getSource(db, document.sourceId);
  return { ...csl, title: csl.title || document.meta.title };
}

/** The source (CSL-JSON) and page locator of each claim, in the order given. */
export function citesOfClaims(db: Db, claimIds: readonly ClaimId[]): Cite[] {
  const pagesOf = new Map<string, PageSpan[]>();
  return claimIds.map((id) => {
    const claim = getClaim(db, id);
    let pages = pagesOf.get(claim.documentId);
    if (!pages)
      pagesOf.set(claim.documentId, (pages = getDocumentContent(db, claim.documentId).pages));
    const range = claimPageRange(pages, claim);
    return {
      item: documentItem(db, claim.documentId),
      locator: range ? pageLocator(range.first, range.last) : null,
    };
  });
}

/** The bibliography of the works cited, each work once however often it is cited. */
export function bibliographyOf(
  cites: readonly Cite[],
  xml: string,
  format: CitationFormat = 'text',
): string[] {
  const unique = new Map<string, CslItem>();
  for (const cite of cites) unique.set(JSON.stringify(cite.item), cite.item);
  return formatBibliography([...unique.values()], xml, format);
}

/**
 * The citation of the claims (one cluster, each with its pages) and the bibliography of their
 * sources, in a style by id (styles-db.ts).
 */
export function citeClaims(
  db: Db,
  claimIds: readonly ClaimId[],
  style: string = DEFAULT_STYLE,
  format: CitationFormat = 'text',
): CitationResult {
  const xml = styleXml(db, style);
  const cites = citesOfClaims(db, claimIds);
  return {
    citation: formatCitation(cites, xml, format),
    bibliography: bibliographyOf(cites, xml, format),
    style,
  };
}
