import type { DocumentId, MediaType, SourceId } from '../../../../shared/model';
import { typeLabel } from '../../lib/format';
import { chooseFile } from './chosenFile';
import './sources.css';

interface Props {
  group: { sourceId: SourceId; files: readonly { documentId: DocumentId; mediaType: MediaType }[] };
  chosen: DocumentId | undefined;
  /** keeps focus where it is (the search box) when clicked */
  keepFocus?: boolean;
}

/**
 * A work's files ("PDF · TXT"), the one its hits open in pressed. Shown only when there is a
 * choice; the choice holds for the work wherever its hits are listed (chosenFile.ts).
 */
export function FileChoice({ group, chosen, keepFocus }: Props) {
  if (group.files.length < 2) return null;
  return (
    <span className="file-choice" role="group" aria-label="Open in file">
      {group.files.map((f, i) => (
        <span key={f.documentId} className="file-choice-item">
          {i > 0 && (
            <span className="file-choice-sep" aria-hidden="true">
              ·
            </span>
          )}
          <button
            type="button"
            className="file-choice-btn"
            aria-pressed={f.documentId === chosen}
            title={`Open this work's hits in its ${typeLabel(f.mediaType)}`}
            onMouseDown={keepFocus ? (e) => e.preventDefault() : undefined}
            onClick={(e) => {
              // in a search result, choosing the file must not also open the hit
              e.stopPropagation();
              chooseFile(group.sourceId, f.documentId);
            }}
          >
            {typeLabel(f.mediaType)}
          </button>
        </span>
      ))}
    </span>
  );
}
