import { parseName } from '../../../shared/csl';
import type { Migration } from './index';

/**
 * Sources: the bibliographic item (CSL-JSON) that one or more documents (files) are copies of, so
 * that the TXT and the PDF of one report are one work, cited one way. Claims keep their exact
 * document and position; they cite the document's source. `provenance` says per field where its
 * value came from and whether the researcher confirmed it. `documents.file_date` keeps a file's own
 * creation date apart from the work's publication date, which earlier versions confused.
 *
 * Every existing document gets a source of its own, from its metadata, each field marked as found
 * by an earlier version (to be confirmed); a PDF's date then came from the file, not the work, so
 * it moves to file_date. citation_styles holds the CSL styles the researcher added.
 */
export const migration0008: Migration = {
  version: 8,
  name: 'sources',
  up: (db) => {
    db.exec(`
      CREATE TABLE sources (
        id TEXT PRIMARY KEY,
        csl TEXT NOT NULL,                       -- JSON CSL-JSON item, without id
        provenance TEXT NOT NULL DEFAULT '{}',   -- JSON {field: {from, confirmed}}
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      ALTER TABLE documents ADD COLUMN source_id TEXT REFERENCES sources(id);
      ALTER TABLE documents ADD COLUMN file_date TEXT;
      CREATE INDEX documents_by_source ON documents(source_id);

      CREATE TABLE citation_styles (          -- .csl styles the researcher added
        id TEXT PRIMARY KEY,                  -- the style's own <id>
        title TEXT NOT NULL,
        xml TEXT NOT NULL,
        added_at TEXT NOT NULL
      ) STRICT;
    `);
    const documents = db
      .prepare('SELECT id, media_type, meta, imported_at FROM documents ORDER BY rowid')
      .all() as { id: string; media_type: string; meta: string; imported_at: string }[];
    const insert = db.prepare(
      'INSERT INTO sources (id, csl, provenance, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
    );
    const link = db.prepare(
      'UPDATE documents SET source_id = ?, file_date = ?, meta = ? WHERE id = ?',
    );
    for (const doc of documents) {
      const meta = JSON.parse(doc.meta) as Record<string, unknown>;
      const isPdf = doc.media_type === 'application/pdf';
      const date = typeof meta.publishedDate === 'string' ? meta.publishedDate : null;
      const csl: Record<string, unknown> = { type: 'document' };
      const provenance: Record<string, { from: string; confirmed: boolean }> = {};
      const set = (field: string, value: unknown) => {
        if (value === null || value === undefined || value === '') return;
        if (Array.isArray(value) && value.length === 0) return;
        csl[field] = value;
        provenance[field] = { from: 'an earlier version of Claimdesk', confirmed: false };
      };
      set('title', meta.title);
      set(
        'author',
        Array.isArray(meta.authors) ? meta.authors.map((a) => parseName(String(a))) : null,
      );
      const parts = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date ?? '');
      if (parts && !isPdf)
        set('issued', { 'date-parts': [parts.slice(1).filter(Boolean).map(Number)] });
      set('publisher', meta.publisher);
      set('URL', meta.sourceUrl);
      set('language', meta.language);
      const id = `src_${doc.id.slice(4)}`;
      insert.run(
        id,
        JSON.stringify(csl),
        JSON.stringify(provenance),
        doc.imported_at,
        doc.imported_at,
      );
      // the metadata the documents' SQL reads (db/sources.ts keeps it in step with the source)
      if (isPdf) meta.publishedDate = null;
      link.run(id, isPdf ? date : null, JSON.stringify(meta), doc.id);
    }
  },
};
