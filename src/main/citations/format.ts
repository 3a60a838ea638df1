/**
 * Formatting citations and bibliographies with citeproc-js, in a shipped style (styles.ts) or one
 * the researcher added (a .csl file's XML). This is THE citation formatter: "Copy citation", the
 * `claimdesk cite` command, the notebook's footnotes and the bibliography exports all call it.
 */
import CSL from 'citeproc';
import type { CslItem } from '../../shared/csl';
import { AppError } from '../errors';
import { LOCALE_XML } from './styles';

/** One cited item and where in it: a page "12" or a page range "12–14" (CSL's locator). */
export interface Cite {
  item: CslItem;
  locator?: string | null;
}

export type CitationFormat = 'text' | 'html';

interface Prepared {
  engine: InstanceType<typeof CSL.Engine>;
  items: Map<string, CslItem>;
}

/** Parsing a style costs tens of milliseconds (APA is 66 KB): keep the last few engines. */
const engines = new Map<string, Prepared>();
const MAX_ENGINES = 8;

function prepare(styleXml: string, format: CitationFormat): Prepared {
  const key = `${format}\u0000${styleXml}`;
  const cached = engines.get(key);
  if (cached) return cached;
  const items = new Map<string, CslItem>();
  let engine: Prepared['engine'];
  try {
    engine = new CSL.Engine(
      {
        // one locale ships; citeproc asks for en-US as the fallback of every other
        retrieveLocale: () => LOCALE_XML,
        retrieveItem: (id) => items.get(id),
      },
      styleXml,
      'en-US',
      true,
    );
  } catch (error) {
    throw new AppError(
      'invalid_input',
      `This citation style cannot be used: ${error instanceof Error ? error.message : String(error)}`.slice(
        0,
        500,
      ),
    );
  }
  engine.setOutputFormat(format);
  const prepared = { engine, items };
  if (engines.size >= MAX_ENGINES) engines.delete(engines.keys().next().value!);
  engines.set(key, prepared);
  return prepared;
}

/** Gives each item the id citeproc keys it by, without changing the caller's objects. */
function register(prepared: Prepared, items: readonly CslItem[]): string[] {
  prepared.items.clear();
  const ids = items.map((item, index) => {
    const id = `item-${index}`;
    prepared.items.set(id, { ...item, id });
    return id;
  });
  prepared.engine.updateItems(ids);
  return ids;
}

/**
 * One in-text citation (or note, for a note style) of one or more items, each with its locator:
 * APA "(Orumbayeva et al., 2023, pp. 4–5)".
 */
export function formatCitation(
  cites: readonly Cite[],
  styleXml: string,
  format: CitationFormat = 'text',
): string {
  if (cites.length === 0) return '';
  const prepared = prepare(styleXml, format);
  const ids = register(
    prepared,
    cites.map((c) => c.item),
  );
  return prepared.engine.makeCitationCluster(
    cites.map((cite, i) => ({
      id: ids[i]!,
      ...(cite.locator ? { locator: cite.locator, label: 'page' } : {}),
    })),
  );
}

/** The bibliography entries of the items, sorted as the style sorts them, one string each. */
export function formatBibliography(
  items: readonly CslItem[],
  styleXml: string,
  format: CitationFormat = 'text',
): string[] {
  if (items.length === 0) return [];
  const prepared = prepare(styleXml, format);
  register(prepared, items);
  const made = prepared.engine.makeBibliography();
  // a style without a <bibliography> (some note styles) lists nothing
  if (!made) return [];
  return made[1].map((entry) => entry.trim());
}

/** The page locator of a claim: "7" or "7–9" (en dash, as styles print ranges). */
export function pageLocator(first: string | null, last: string | null): string | null {
  if (!first) return null;
  return last && last !== first ? `${first}–${last}` : first;
}
