import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { ReferenceImportOutcome } from '../../../../shared/api-sources';
import { invoke } from '../../api';
import { Modal } from '../../lib/Modal';
import { plural } from '../../lib/format';
import { everythingChanged } from '../../query/invalidate';
import { errorMessage } from '../shell/useToasts';

interface Props {
  onDone: (message: string) => void;
  onError: (message: string) => void;
}

/** What a Zotero import did, in one line, with the files it could not bring named. */
export function zoteroSummary(outcome: ReferenceImportOutcome): string {
  const parts = [
    `Zotero library: ${plural(outcome.created + outcome.matched, 'item')} — ${outcome.matched} matched to sources here, ${outcome.created} new`,
    `${plural(outcome.files, 'file')} imported`,
    `${plural(outcome.collections, 'collection')}`,
  ];
  if (outcome.missingFiles.length)
    parts.push(`Missing from Zotero's storage: ${outcome.missingFiles.join('; ')}`);
  if (outcome.failedFiles.length) parts.push(`Not imported: ${outcome.failedFiles.join('; ')}`);
  return parts.join('. ') + '.';
}

/**
 * Imports a Zotero library from its data folder, typed as a path (the browser version cannot pick
 * folders by path). Zotero's files are only read, so it may stay open.
 */
export function ZoteroImport({ onDone, onError }: Props) {
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [folder, setFolder] = useState('~/Zotero');
  const [busy, setBusy] = useState(false);
  const inputId = useId();
  const hintId = useId();
  const run = async () => {
    setBusy(true);
    try {
      const outcome = await invoke('references.importZotero', { folder });
      setOpen(false);
      await everythingChanged(qc);
      onDone(zoteroSummary(outcome));
    } catch (e) {
      onError(errorMessage(e, 'import the Zotero library'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button
        type="button"
        className="btn btn-ghost btn-small"
        title="Bring in a Zotero library: its items, files and collections (Zotero's files are only read)"
        onClick={() => setOpen(true)}
      >
        Import Zotero library…
      </button>
      {open && (
        <Modal
          title="Import a Zotero library"
          onClose={() => !busy && setOpen(false)}
          className="zotero-dialog"
        >
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (folder.trim() && !busy) void run();
            }}
          >
            <p id={hintId} className="modal-note">
              The Zotero data folder (Zotero shows it in Settings → Advanced → Files and Folders).
              Its items become sources, their PDF and web page files documents, and its collections
              collections here. Zotero’s files are only read: Zotero can stay open.
            </p>
            <label htmlFor={inputId} className="field-label">
              Zotero data folder
            </label>
            <input
              id={inputId}
              className="input"
              autoFocus
              spellCheck={false}
              aria-describedby={hintId}
              value={folder}
              onChange={(e) => setFolder(e.target.value)}
            />
            <div className="modal-actions">
              <button type="button" className="btn" disabled={busy} onClick={() => setOpen(false)}>
                Cancel
              </button>
              <button type="submit" className="btn btn-primary" disabled={busy || !folder.trim()}>
                {busy ? 'Importing…' : 'Import'}
              </button>
            </div>
          </form>
        </Modal>
      )}
    </>
  );
}
