import { useRef } from 'react';
import { invoke } from '../../api';
import { plural } from '../../lib/format';
import { announceDocument } from '../library/documentEvents';
import { errorMessage } from '../shell/useToasts';
import { ZoteroImport } from './ZoteroImport';
import './sources.css';

interface Props {
  onDone: (message: string) => void;
  onError: (message: string) => void;
}

/**
 * Brings in references from RIS, BibTeX or CSL-JSON files: each is matched to a document by DOI
 * or title (its metadata filled), or kept as a source waiting for a file; or a whole Zotero
 * library (ZoteroImport).
 */
export function ReferencesImport({ onDone, onError }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const run = async (files: File[]) => {
    for (const file of files) {
      try {
        const outcome = await invoke('references.import', {
          fileName: file.name,
          bytes: new Uint8Array(await file.arrayBuffer()),
        });
        for (const id of new Set(outcome.updatedDocuments))
          announceDocument(await invoke('documents.get', { id }));
        onDone(
          `${file.name}: ${plural(outcome.created + outcome.matched, 'reference')} — ` +
            `${outcome.matched} matched to sources here, ${outcome.created} new (waiting for a file)`,
        );
      } catch (e) {
        onError(errorMessage(e, `import the references in ${file.name}`));
      }
    }
  };
  return (
    <div className="references-import">
      <button
        type="button"
        className="btn btn-ghost btn-small"
        title="Bring in references from RIS, BibTeX or CSL-JSON files"
        onClick={() => input.current?.click()}
      >
        Import references…
      </button>
      <ZoteroImport onDone={onDone} onError={onError} />
      <input
        ref={input}
        type="file"
        multiple
        hidden
        accept=".ris,.bib,.bibtex,.biblatex,.json"
        aria-label="Reference files to import"
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          e.target.value = '';
          void run(files);
        }}
      />
    </div>
  );
}
