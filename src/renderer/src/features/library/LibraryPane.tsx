import { useEffect, useImperativeHandle, useRef, useState, type ReactNode, type Ref } from 'react';
import type { DocumentId, DocumentSummary } from '../../../../shared/model';
import { documentTitle, plural, shortDate, typeLabel } from '../../lib/format';
import { moveFocusInList } from '../../lib/listKeys';
import { SUPPORTED_EXTENSIONS, supportedFiles } from './folderFiles';

export const ACCEPTED_FILES = '.txt,.md,.markdown,.html,.htm,.pdf,.docx';

export interface LibraryHandle {
  /** Opens the system file picker (menu command, shortcut). */
  pickFiles(): void;
}

interface Props {
  documents: readonly DocumentSummary[] | null;
  openId: DocumentId | null;
  onOpen: (id: DocumentId) => void;
  onFiles: (files: File[]) => void;
  children?: ReactNode;
  ref?: Ref<LibraryHandle>;
}

/** The workspace's documents and the way in for new ones. */
export function LibraryPane({ documents, openId, onOpen, onFiles, children, ref }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const [folderNote, setFolderNote] = useState<string | null>(null);
  useEffect(() => {
    // not in React's attribute types; the property makes the picker choose a folder
    if (folderInput.current) folderInput.current.webkitdirectory = true;
  }, []);
  useImperativeHandle(ref, () => ({ pickFiles: () => input.current?.click() }), []);
  // the open document, else the first, is the list's single Tab stop
  const tabStop = documents?.some((d) => d.id === openId) ? openId : documents?.[0]?.id;

  return (
    <nav className="pane library" aria-label="Library" data-scope="library">
      <div className="pane-head">
        <h2 className="pane-title">Library</h2>
        <button
          type="button"
          className="btn btn-primary btn-small"
          onClick={() => input.current?.click()}
        >
          Import files
        </button>
        <input
          ref={input}
          type="file"
          multiple
          accept={ACCEPTED_FILES}
          hidden
          aria-label="Files to import"
          onChange={(e) => {
            const files = Array.from(e.target.files ?? []);
            e.target.value = ''; // choosing the same file again must fire change again
            setFolderNote(null);
            onFiles(files);
          }}
        />
        <button
          type="button"
          className="btn btn-small"
          aria-label="Import folder"
          title="Import every supported file in a folder and its subfolders"
          onClick={() => folderInput.current?.click()}
        >
          {/* "Import folder" does not fit beside "Import files" in the library's width */}
          Folder
        </button>
        <input
          ref={folderInput}
          type="file"
          multiple
          hidden
          aria-label="Folder to import"
          onChange={(e) => {
            const all = Array.from(e.target.files ?? []);
            e.target.value = '';
            const files = supportedFiles(all);
            setFolderNote(
              files.length === 0
                ? `The folder has no files Claimdesk can import (${all.length === 0 ? 'it is empty' : `${plural(all.length, 'file')}, none of them ${SUPPORTED_EXTENSIONS.join(' ')}`}).`
                : null,
            );
            onFiles(files);
          }}
        />
      </div>
      {folderNote && (
        <p className="field-error pane-note" role="alert">
          {folderNote}
        </p>
      )}
      {children}
      {documents === null && <p className="pane-empty">Loading documents…</p>}
      {documents?.length === 0 && (
        <div className="pane-empty">
          <p>No documents yet.</p>
          <p>
            Import reports and articles (TXT, Markdown, HTML, PDF, DOCX) with the button above, or
            drop files on the window.
          </p>
        </div>
      )}
      <ul
        className="doc-list"
        role="listbox"
        aria-label="Documents"
        onKeyDown={(e) => moveFocusInList(e, '.doc-item')}
      >
        {documents?.map((d) => (
          <li
            key={d.id}
            className="doc-item"
            role="option"
            tabIndex={d.id === tabStop ? 0 : -1}
            aria-selected={d.id === openId}
            onClick={() => onOpen(d.id)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                onOpen(d.id);
              }
            }}
          >
            <span className="doc-title">{documentTitle(d)}</span>
            <span className="doc-meta">
              <span className="badge">{typeLabel(d.mediaType)}</span>
              <span>{shortDate(d.importedAt)}</span>
              <span className={d.claimCount > 0 ? 'doc-claims has-claims' : 'doc-claims'}>
                {plural(d.claimCount, 'claim')}
              </span>
            </span>
          </li>
        ))}
      </ul>
    </nav>
  );
}
