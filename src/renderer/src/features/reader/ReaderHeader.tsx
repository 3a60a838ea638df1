import { useState, type ReactNode } from 'react';
import type { DocumentSummary } from '../../../../shared/model';
import { documentTitle, plural, shortDate, typeLabel } from '../../lib/format';
import { MetadataDialog } from '../library/MetadataDialog';

interface Props {
  doc: DocumentSummary;
  claimCount: number;
  /** controls beside the title (the PDF view switch) */
  children?: ReactNode;
}

/** The open document's title and provenance, and a reminder of how to make a claim. */
export function ReaderHeader({ doc, claimCount, children }: Props) {
  const m = doc.meta;
  const [editing, setEditing] = useState(false);
  const details = [
    typeLabel(doc.mediaType),
    doc.pageCount !== null ? plural(doc.pageCount, 'page') : null,
    m.authors.length > 0 ? m.authors.join(', ') : null,
    m.publisher,
    m.publishedDate,
    `imported ${shortDate(doc.importedAt)}`,
    plural(claimCount, 'claim'),
  ].filter((x): x is string => !!x);
  return (
    <header className="reader-header">
      <div className="reader-title-row">
        <h1 className="reader-title" title={doc.fileName}>
          {documentTitle(doc)}
        </h1>
        {children}
        <button
          type="button"
          className="btn btn-ghost btn-small"
          aria-label="Document details"
          title="Edit title, authors, date, publisher, source URL, language"
          onClick={() => setEditing(true)}
        >
          Details
        </button>
      </div>
      {editing && <MetadataDialog id={doc.id} onClose={() => setEditing(false)} />}
      <p className="reader-meta">
        {details.join(' · ')}
        <span className="reader-hint">
          Select a passage, then <kbd>C</kbd> claim · <kbd>E</kbd> entity
        </span>
      </p>
      {doc.warnings.length > 0 && (
        <details className="reader-warnings">
          <summary>{plural(doc.warnings.length, 'import warning')}</summary>
          <ul>
            {doc.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </details>
      )}
    </header>
  );
}
