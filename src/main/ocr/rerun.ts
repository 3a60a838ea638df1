/**
 * Re-running OCR on a document's scanned pages (issue 18, item 5), e.g. in other languages. The
 * whole file is read again from the file store (a text page reads the same; a scanned page reads
 * anew), then the new text replaces the old in one transaction that also moves every claim,
 * mention and dismissed suggestion onto it with the shared re-anchoring (shared/reanchor.ts, the
 * same rule as claims JSON import). What cannot be placed again is never attached to other text and
 * never deleted: an orphaned claim keeps its stored quote and gets the ORPHAN_TAG tag (so the claims
 * filter lists them to fix by hand), an orphaned mention is kept as it was; both are reported.
 * The change is one undo step: the document's text (snapshot kind 'document_text' below) and every
 * record re-anchored go back together.
 */
import type { Orphan, OcrRunOutcome } from '../../shared/api-ocr';
import { anchorAt } from '../../shared/anchor';
import type { Claim, DocumentId, ImportedText, Mention } from '../../shared/model';
import type { OcrPage } from '../../shared/ocr';
import { reanchor } from '../../shared/reanchor';
import { listClaims, putClaim } from '../db/claims';
import { getDocument, getDocumentFile, insertPageMaps } from '../db/documents';
import { recordAction, registerSnapshotKind, type Snapshot } from '../db/history';
import { putDismissal, removeDismissal, toMention, type MentionRow } from '../db/mentions';
import { deleteOcrPages, getOcrPages, insertOcrPages } from '../db/ocr';
import type { Db } from '../db/open';
import { AppError } from '../errors';
import { now } from '../ids';
import { ImportError } from '../importers/errors';
import { extractionPool } from '../importers/pool';
import { runJob } from '../jobs';

/** The tag an orphaned claim gets: visible in the claims filter, removable once fixed. */
export const ORPHAN_TAG = 'ocr-orphan';

/** A document's text and everything derived from it that a new OCR run replaces. */
interface DocumentText {
  id: DocumentId;
  text: string;
  structure: string;
  warnings: string;
  pageMaps: string[];
  ocrPages: OcrPage[];
}

function readDocumentText(db: Db, id: DocumentId): DocumentText {
  const row = db
    .prepare('SELECT text, structure, warnings FROM documents WHERE id = ?')
    .get(id) as {
    text: string;
    structure: string;
    warnings: string;
  };
  const maps = db
    .prepare('SELECT items FROM pdf_page_maps WHERE document_id = ? ORDER BY page_index')
    .all(id) as { items: string }[];
  return { id, ...row, pageMaps: maps.map((m) => m.items), ocrPages: getOcrPages(db, id) };
}

function writeDocumentText(db: Db, value: DocumentText): void {
  // undo after the document was deleted for good: its claims went with it, nothing to put back
  if (!db.prepare('SELECT 1 FROM documents WHERE id = ?').get(value.id)) return;
  db.prepare(
    'UPDATE documents SET text = ?, structure = ?, warnings = ?, updated_at = ? WHERE id = ?',
  ).run(value.text, value.structure, value.warnings, now(), value.id);
  db.prepare('DELETE FROM pdf_page_maps WHERE document_id = ?').run(value.id);
  insertPageMaps(
    db,
    value.id,
    value.pageMaps.map((items) => JSON.parse(items) as ([number, number] | null)[]),
  );
  deleteOcrPages(db, value.id);
  insertOcrPages(db, value.id, value.ocrPages);
}

const isString = (v: unknown): v is string => typeof v === 'string';

registerSnapshotKind('document_text', {
  // before claims (20) and mentions (25): their anchors refer to this text
  order: 5,
  put: (db, value) => writeDocumentText(db, value as DocumentText),
  // a document's text is replaced, never created or removed by an undo step
  remove: () => undefined,
  documentsOf: (_db, value) => [(value as DocumentText).id],
  problem: (value) => {
    const v = value as Partial<DocumentText>;
    if (!isString(v.id) || !isString(v.text) || !isString(v.structure) || !isString(v.warnings))
      return 'document text: id, text, structure or warnings missing';
    if (!Array.isArray(v.pageMaps) || !v.pageMaps.every(isString))
      return 'document text: page maps missing';
    if (!Array.isArray(v.ocrPages)) return 'document text: OCR pages missing';
    return null;
  },
});

interface Dismissal {
  documentId: DocumentId;
  entityId: Mention['entityId'];
  start: number;
  end: number;
  createdAt: string;
}

/**
 * OCRs the document's scanned pages again in `languages` and moves what is anchored in it onto the
 * new text. `job` follows and cancels the OCR (jobs.progress / jobs.cancel); a cancelled or failed
 * run changes nothing.
 */
export async function rerunOcr(
  db: Db,
  id: DocumentId,
  options: { languages: string[]; dataDir: string | null; password?: string; job?: string },
): Promise<OcrRunOutcome> {
  const document = getDocument(db, id);
  if (getOcrPages(db, id).length === 0) {
    throw new AppError(
      'invalid_input',
      `"${document.fileName}" has no pages read by OCR: its text comes from the file itself.`,
    );
  }
  const { bytes } = getDocumentFile(db, id);
  let content: ImportedText;
  try {
    ({ content } = await runJob(options.job, ({ signal, report }) =>
      extractionPool.extract(document.fileName, bytes, {
        password: options.password,
        ocr: { languages: options.languages, dataDir: options.dataDir },
        signal,
        onProgress: ({ done, pages }) => report({ stage: 'ocr', done, pages }),
      }),
    ));
  } catch (error) {
    if (error instanceof ImportError)
      throw new AppError('import_failed', error.message, error.code);
    throw error;
  }
  const ocrPages = content.ocrPages ?? [];
  return db.transaction(() => {
    // the document may have been deleted or changed while OCR ran: read everything now
    const previous = readDocumentText(db, id);
    const next: DocumentText = {
      id,
      text: content.text,
      structure: JSON.stringify({
        blocks: content.blocks,
        marks: content.marks,
        pages: content.pages,
      }),
      warnings: JSON.stringify(content.warnings),
      pageMaps: (content.pageItems ?? []).map((items) => JSON.stringify(items)),
      ocrPages,
    };
    const before: Snapshot[] = [{ kind: 'document_text', id, value: previous }];
    const after: Snapshot[] = [{ kind: 'document_text', id, value: next }];
    writeDocumentText(db, next);

    const orphans: Orphan[] = [];
    let kept = 0;
    for (const claim of listClaims(db, { documentId: id })) {
      const spans: Claim['spans'] = [];
      for (const span of claim.spans) {
        const match = reanchor(next.text, span);
        if (match.status === 'orphan') break;
        spans.push(anchorAt(next.text, match.start, match.end));
      }
      const placed = spans.length === claim.spans.length;
      const moved: Claim = placed
        ? { ...claim, spans }
        : {
            ...claim,
            tags: claim.tags.includes(ORPHAN_TAG) ? claim.tags : [...claim.tags, ORPHAN_TAG],
          };
      if (placed) kept++;
      else
        orphans.push({
          kind: 'claim',
          id: claim.id,
          quote: claim.spans.map((s) => s.exact).join(' … '),
        });
      putClaim(db, moved);
      before.push({ kind: 'claim', id: claim.id, value: claim });
      after.push({ kind: 'claim', id: claim.id, value: moved });
    }

    const mentionRows = db
      .prepare('SELECT * FROM mentions WHERE document_id = ? ORDER BY start')
      .all(id) as MentionRow[];
    for (const mention of mentionRows.map(toMention)) {
      const match = reanchor(next.text, mention.anchor);
      if (match.status === 'orphan') {
        orphans.push({ kind: 'mention', id: mention.id, quote: mention.anchor.exact });
        continue;
      }
      kept++;
      const moved: Mention = { ...mention, anchor: anchorAt(next.text, match.start, match.end) };
      db.prepare(
        'UPDATE mentions SET start = ?, end = ?, exact = ?, prefix = ?, suffix = ? WHERE id = ?',
      ).run(
        moved.anchor.start,
        moved.anchor.end,
        moved.anchor.exact,
        moved.anchor.prefix,
        moved.anchor.suffix,
        mention.id,
      );
      before.push({ kind: 'mention', id: mention.id, value: mention });
      after.push({ kind: 'mention', id: mention.id, value: moved });
    }

    // a dismissed suggestion stores only its place: its quote and context come from the old text
    const dismissals = db
      .prepare(
        `SELECT document_id AS documentId, entity_id AS entityId, start, end, created_at AS createdAt
         FROM mention_dismissals WHERE document_id = ?`,
      )
      .all(id) as Dismissal[];
    let dismissalsDropped = 0;
    for (const d of dismissals) {
      const key = `${d.documentId}|${d.entityId}|${d.start}|${d.end}`;
      removeDismissal(db, d);
      before.push({ kind: 'mention_dismissal', id: key, value: d });
      const match =
        d.end <= previous.text.length
          ? reanchor(next.text, anchorAt(previous.text, d.start, d.end))
          : ({ status: 'orphan' } as const);
      if (match.status === 'orphan') {
        // a suggestion that is gone cannot be suggested again either; counted in the outcome
        dismissalsDropped++;
        after.push({ kind: 'mention_dismissal', id: key, value: null });
        continue;
      }
      const moved = { ...d, start: match.start, end: match.end };
      putDismissal(db, moved);
      const movedKey = `${d.documentId}|${d.entityId}|${moved.start}|${moved.end}`;
      if (movedKey !== key) {
        after.push({ kind: 'mention_dismissal', id: key, value: null });
        before.push({ kind: 'mention_dismissal', id: movedKey, value: null });
      }
      after.push({ kind: 'mention_dismissal', id: movedKey, value: moved });
    }

    recordAction(
      db,
      `re-run OCR of "${document.fileName}" (${options.languages.join('+')})`,
      before,
      after,
    );
    return {
      document: getDocument(db, id),
      pages: ocrPages.length,
      languages: options.languages,
      kept,
      orphans,
      dismissalsDropped,
    };
  })();
}
