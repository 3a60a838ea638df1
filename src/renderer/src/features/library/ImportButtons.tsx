import { useEffect, useRef, useState, type RefObject } from 'react';
import { plural } from '../../lib/format';
import { SUPPORTED_EXTENSIONS, supportedFiles } from './folderFiles';

const ACCEPTED_FILES = '.txt,.md,.markdown,.html,.htm,.pdf,.docx,.epub';

/**
 * The library's head: its title and the ways in for new documents, files or a whole folder. A
 * folder with nothing importable says so here instead of importing nothing silently.
 * `fileInput` is the file picker, also opened by the menu and the shortcut.
 */
export function ImportButtons({
  fileInput,
  onFiles,
}: {
  fileInput: RefObject<HTMLInputElement | null>;
  onFiles: (files: File[]) => void;
}) {
  const folderInput = useRef<HTMLInputElement>(null);
  const [folderNote, setFolderNote] = useState<string | null>(null);
  useEffect(() => {
    // not in React's attribute types; the property makes the picker choose a folder
    if (folderInput.current) folderInput.current.webkitdirectory = true;
  }, []);
  return (
    <>
      <div className="pane-head">
        <h2 className="pane-title">Library</h2>
        <button
          type="button"
          className="btn btn-primary btn-small"
          onClick={() => fileInput.current?.click()}
        >
          Import files
        </button>
        <input
          ref={fileInput}
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
    </>
  );
}
