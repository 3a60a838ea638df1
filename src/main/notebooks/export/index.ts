import type {
  ClaimCard,
  NotebookExportFormat,
  NotebookFile,
  NotebookId,
} from '../../../shared/api-notebooks';
import type { CslItem } from '../../../shared/csl';
import type { ClaimId, DocumentId } from '../../../shared/model';
import { embeddedClaims, parseNotebookContent } from '../../../shared/notebook-json';
import type { Db } from '../../db/open';
import { bibliographyOf, documentItem } from '../../citations/cite-claims';
import { formatCitation, type Cite } from '../../citations/format';
import { styleXml } from '../../citations/styles-db';
import { AppError } from '../../errors';
import { claimCards } from '../claim-cards';
import { getNotebook } from '../store';
import { writeDocx } from './docx';
import { writeHtml } from './html';
import { toIr, type Block } from './ir';
import { writeMarkdown } from './markdown';

/** One note: the formatted citation of the claim it stands for. */
export interface Note {
  claimId: ClaimId;
  citation: string;
  deleted: boolean;
}

/** One cited claim in the evidence appendix. */
export interface Evidence {
  claimId: ClaimId;
  /** the notes citing it */
  notes: number[];
  statement: string;
  quote: string;
  source: string;
  pages: string | null;
  /** SHA-256 of the source file; null when the document is gone */
  sha256: string | null;
  deleted: boolean;
}

/** Everything a writer needs; built once, so the three formats say the same. */
export interface ExportModel {
  title: string;
  blocks: Block[];
  notes: Note[];
  bibliography: string[];
  appendix: Evidence[] | null;
}

export interface ExportOptions {
  /** a style by id (shipped or added to the workspace); the default style when omitted */
  style?: string;
  /** a style's CSL XML used as it is (the CLI's `--style FILE.csl`); wins over `style` */
  styleXml?: string;
  appendix: boolean;
}

export function buildExportModel(db: Db, id: NotebookId, options: ExportOptions): ExportModel {
  const notebook = getNotebook(db, id);
  let root;
  try {
    ({ root } = parseNotebookContent(notebook.content));
  } catch (error) {
    throw new AppError(
      'internal',
      `The stored notebook "${notebook.title}" cannot be read (${(error as Error).message}).`,
    );
  }
  const embedded = embeddedClaims(root);
  const cards = new Map<string, ClaimCard>(
    claimCards(
      db,
      embedded.map((c) => c.claimId),
    ).map((c) => [c.id, c]),
  );
  const live = (claimId: string) => {
    const card = cards.get(claimId);
    return card && !card.deleted ? card : null;
  };
  const ir = toIr(root, (claim) => live(claim.claimId)?.quote ?? claim.last.quote);

  // a deleted claim cites its document if that is still here, else the title it remembers
  const documentExists = db.prepare('SELECT sha256 FROM documents WHERE id = ?').pluck();
  const sha256Of = (documentId: DocumentId) =>
    (documentExists.get(documentId) as string | undefined) ?? null;
  const items = new Map<string, CslItem>();
  const itemOf = (documentId: DocumentId, title: string): CslItem => {
    let item = items.get(documentId);
    if (!item) {
      item = sha256Of(documentId) ? documentItem(db, documentId) : { type: 'document', title };
      items.set(documentId, item);
    }
    return item;
  };
  const cites: Cite[] = ir.notes.map((claim) => {
    const card = live(claim.claimId);
    return {
      item: itemOf(
        card?.documentId ?? claim.last.documentId,
        card?.documentTitle ?? claim.last.documentTitle,
      ),
      locator: card ? card.pages : claim.last.pages,
    };
  });
  // each note cites its claim alone, in the chosen style; the bibliography lists each work once
  const xml = options.styleXml ?? styleXml(db, options.style);
  const notes = ir.notes.map((claim, i) => ({
    claimId: claim.claimId,
    citation: formatCitation([cites[i]!], xml),
    deleted: !live(claim.claimId),
  }));

  let appendix: Evidence[] | null = null;
  if (options.appendix) {
    const byClaim = new Map<string, Evidence>();
    ir.notes.forEach((claim, i) => {
      const known = byClaim.get(claim.claimId);
      if (known) return void known.notes.push(i + 1);
      const card = live(claim.claimId);
      const documentId = card?.documentId ?? claim.last.documentId;
      byClaim.set(claim.claimId, {
        claimId: claim.claimId,
        notes: [i + 1],
        statement: card?.statement ?? claim.last.statement,
        quote: card?.quote ?? claim.last.quote,
        source: card?.documentTitle ?? claim.last.documentTitle,
        pages: card ? card.pages : claim.last.pages,
        sha256: sha256Of(documentId),
        deleted: !card,
      });
    });
    appendix = [...byClaim.values()];
  }
  return {
    title: notebook.title,
    blocks: ir.blocks,
    notes,
    bibliography: bibliographyOf(cites, xml),
    appendix,
  };
}

const MEDIA_TYPES: Record<NotebookExportFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** A file name from the title: letters, digits and dashes, never empty. */
export function exportFileName(title: string, format: NotebookExportFormat): string {
  const base =
    title
      .normalize('NFKD')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'notebook';
  return `${base}.${format}`;
}

export async function exportNotebook(
  db: Db,
  id: NotebookId,
  format: NotebookExportFormat,
  options: ExportOptions,
): Promise<NotebookFile> {
  const model = buildExportModel(db, id, options);
  const bytes =
    format === 'docx'
      ? await writeDocx(model)
      : new TextEncoder().encode(format === 'md' ? writeMarkdown(model) : writeHtml(model));
  return { fileName: exportFileName(model.title, format), mediaType: MEDIA_TYPES[format], bytes };
}
