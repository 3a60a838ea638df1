import { sha256Of } from '../files/store';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Claim, DocumentMeta, EntityId, PageSpan, RelationId } from '../../shared/model';
import { createClaim, updateClaim } from '../db/claims';
import { insertDocument } from '../db/documents';
import { putEntity } from '../db/entities';
import type { Db } from '../db/open';
import { putRelation } from '../db/relations';
import { importDocument } from '../documents';
import { SAMPLE_TEXT, enc } from './workspace';

export const REUTERS = 'ent_00000000000a' as EntityId;
export const KHALIMOV = 'ent_00000000000b' as EntityId;
export const KHUJAND = 'ent_00000000000c' as EntityId;

export const PDF_TEXT =
  'Page one text about the Zafar riot.\n\nPage two: the Vahdat "riot", 29 dead.';
export const PDF_PAGES = [
  { index: 0, label: 'iv', start: 0, end: 37 },
  { index: 1, label: 'v', start: 37, end: PDF_TEXT.length },
];

const T0 = '2026-01-01T00:00:00.000Z';

function entity(id: EntityId, kind: string, name: string, aliases: string[], wikidata?: string) {
  return {
    id,
    kind,
    name,
    aliases,
    description: `About ${name}`,
    externalIds: wikidata ? { wikidata } : {},
    createdAt: T0,
    updatedAt: T0,
  };
}

/**
 * Stores a document as given, without an importer (so it also works at an older schema version):
 * `text` as canonical text and as the file's bytes.
 */
export function insertTextDocument(
  db: Db,
  options: {
    text: string;
    title: string;
    pages?: PageSpan[];
    meta?: Partial<DocumentMeta>;
  },
) {
  const pdf = !!options.pages;
  const bytes = enc(pdf ? `%PDF-1.4 ${options.text}` : options.text);
  return insertDocument(db, {
    sha256: sha256Of(bytes),
    mediaType: pdf ? 'application/pdf' : 'text/plain',
    fileName: `${options.title}.${pdf ? 'pdf' : 'txt'}`,
    bytes,
    content: {
      text: options.text,
      blocks: [],
      marks: [],
      pages: options.pages ?? [],
      meta: {},
      warnings: [],
    },
    meta: {
      title: options.title,
      authors: [],
      publishedDate: null,
      publisher: null,
      sourceUrl: null,
      language: null,
      ...options.meta,
    },
  });
}

const span = (text: string, phrase: string) => {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`"${phrase}" is not in the text`);
  return { start, end: start + phrase.length };
};

/**
 * A small invented workspace: SAMPLE_TEXT (Cyrillic after an emoji), a two-page "PDF", three
 * entities (one with a Wikidata id and aliases), four claims with every field set somewhere, a
 * two-passage claim, a relation and a mention.
 */
export async function buildClaimsFixture(db: Db) {
  const { document: doc } = await importDocument(db, {
    fileName: 'khujand.txt',
    bytes: enc(SAMPLE_TEXT),
  });
  const pdf = insertTextDocument(db, {
    text: PDF_TEXT,
    title: 'A report',
    pages: PDF_PAGES,
    meta: {
      authors: ['A. Author', 'B. Author'],
      publishedDate: '2019-05',
      publisher: 'Press',
      sourceUrl: 'https://example.org/report.pdf',
      language: 'en',
    },
  });
  putEntity(db, entity(REUTERS, 'organization', 'Reuters', []));
  putEntity(
    db,
    entity(KHALIMOV, 'person', 'Gulmurod Khalimov', ['Gumurod Halimov', 'Халимов'], 'Q20813186'),
  );
  putEntity(db, entity(KHUJAND, 'place', 'Khujand', ['Худжанд']));

  const riot = createClaim(db, {
    documentId: doc.id,
    spans: [span(SAMPLE_TEXT, 'a riot in the Khujand prison')],
  });
  updateClaim(db, riot.id, {
    claimantId: REUTERS,
    subjectIds: [KHUJAND],
    placeId: KHUJAND,
    type: 'event',
    certainty: 'likely',
    eventDate: '2018-11-07',
    tags: ['prison', 'riot'],
    status: 'reviewed',
    note: 'Says "at least"; check, then =SUM(A1)',
  });
  const toll = createClaim(db, {
    documentId: doc.id,
    spans: [span(SAMPLE_TEXT, 'at least 27 people dead'), span(SAMPLE_TEXT, 'closer to 50')],
    statement: '=27 dead, or +50',
  });
  updateClaim(db, toll.id, {
    type: 'statistic',
    certainty: 'disputed',
    tags: ['riot', 'toll, dead'],
  });
  const cyrillic = createClaim(db, {
    documentId: doc.id,
    spans: [span(SAMPLE_TEXT, 'в колонии')],
    statement: 'Беспорядки в колонии\nвторая строка',
  });
  updateClaim(db, cyrillic.id, {
    subjectIds: [KHALIMOV, KHUJAND],
    eventDate: '2018-11',
    stance: 'questions',
  });
  const vahdat = createClaim(db, { documentId: pdf.id, spans: [span(PDF_TEXT, 'Vahdat "riot"')] });
  putRelation(db, {
    id: 'rel_00000000000a' as RelationId,
    fromClaimId: toll.id,
    toClaimId: riot.id,
    kind: 'refines',
    note: 'the toll of that riot',
    createdAt: T0,
  });
  const m = span(SAMPLE_TEXT, 'Gulmurod Khalimov');
  db.prepare(
    `INSERT INTO mentions (id, document_id, entity_id, start, end, exact, prefix, suffix, created_at)
     VALUES ('men_00000000000a', ?, ?, ?, ?, 'Gulmurod Khalimov', ?, ?, ?)`,
  ).run(
    doc.id,
    KHALIMOV,
    m.start,
    m.end,
    SAMPLE_TEXT.slice(m.start - 32, m.start),
    SAMPLE_TEXT.slice(m.end, m.end + 32),
    T0,
  );
  const claims: Record<'riot' | 'toll' | 'cyrillic' | 'vahdat', Claim> = {
    riot,
    toll,
    cyrillic,
    vahdat,
  };
  return { doc, pdf, claims };
}

/** The sample corpus, or null (with a warning) where it is absent. */
export function corpusFiles(): string[] | null {
  const dir = process.env.CLAIMDESK_CORPUS ?? resolve(process.cwd(), '../shared/corpus');
  if (!existsSync(dir)) {
    console.warn(`[corpus] ${dir} not found; corpus tests skipped (set CLAIMDESK_CORPUS)`);
    return null;
  }
  return readdirSync(dir)
    .filter((f) => /\.(txt|pdf)$/.test(f))
    .sort()
    .map((f) => join(dir, f));
}

/** Imports the corpus and marks every sentence that names Khujand, ISIS or Khalimov as a claim. */
export async function importCorpusWithClaims(db: Db, files: string[]): Promise<number> {
  putEntity(db, entity(REUTERS, 'organization', 'Reuters', []));
  let count = 0;
  for (const file of files) {
    const { document } = await importDocument(db, { fileName: file, bytes: readFileSync(file) });
    const text = (
      db.prepare('SELECT text FROM documents WHERE id = ?').get(document.id) as { text: string }
    ).text;
    for (const m of text.matchAll(/[^.!?\n]*\b(?:Khujand|ISIS|Khalimov)\b[^.!?\n]*/g)) {
      const start = m.index + (m[0].length - m[0].trimStart().length);
      const end = m.index + m[0].trimEnd().length;
      if (end - start < 3) continue;
      const claim = createClaim(db, { documentId: document.id, spans: [{ start, end }] });
      if (count % 3 === 0)
        updateClaim(db, claim.id, { tags: ['corpus'], certainty: 'alleged', claimantId: REUTERS });
      count++;
    }
  }
  return count;
}

export { T0 };
