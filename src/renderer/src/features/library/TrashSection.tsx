import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { DocumentId } from '../../../../shared/model';
import { invoke } from '../../api';
import { plural } from '../../lib/format';
import { everythingChanged } from '../../query/invalidate';
import { keys } from '../../query/keys';
import { errorMessage } from '../shell/useToasts';
import { goesWith, TrashConfirm } from './TrashConfirm';

interface Props {
  onInfo: (message: string) => void;
  onError: (message: string) => void;
}

/**
 * The trash, under the library's documents: how many are in it, each with what went with it,
 * restore one, or empty it all after a confirmation that counts what goes for good.
 */
export function TrashSection({ onInfo, onError }: Props) {
  const qc = useQueryClient();
  const trash = useQuery({ queryKey: keys.trash(), queryFn: () => invoke('trash.list', {}) });
  const [confirming, setConfirming] = useState(false);
  const entries = trash.data ?? [];
  const total = entries.reduce(
    (sum, e) => ({
      claims: sum.claims + e.claims,
      mentions: sum.mentions + e.mentions,
      relations: sum.relations + e.relations,
    }),
    { claims: 0, mentions: 0, relations: 0 },
  );

  const restore = async (id: DocumentId, title: string) => {
    try {
      await invoke('trash.restore', { ids: [id] });
      onInfo(`Restored “${title}” with everything that went with it.`);
    } catch (e) {
      onError(errorMessage(e, 'restore the document'));
    }
    await everythingChanged(qc);
  };
  const empty = async () => {
    setConfirming(false);
    try {
      const out = await invoke('trash.empty', {});
      // a source that goes with its last file is said, so a shorter sources list is no surprise
      const sources =
        out.sources > 0 ? `, and ${plural(out.sources, 'source')} left with no file` : '';
      onInfo(`Deleted ${plural(out.documents, 'document')} for good${sources}.`);
    } catch (e) {
      onError(errorMessage(e, 'empty the trash'));
    }
    await everythingChanged(qc);
  };

  return (
    <details className="trash-section">
      <summary>
        Trash <span className="count">{entries.length}</span>
      </summary>
      {entries.length === 0 ? (
        <p className="pane-empty">The trash is empty.</p>
      ) : (
        <>
          <ul className="trash-list" aria-label="Documents in the trash">
            {entries.map((e) => (
              <li key={e.documentId} className="trash-item">
                <span className="doc-title">{e.title}</span>
                <span className="doc-meta">{goesWith(e) ?? 'no claims'}</span>
                <button
                  type="button"
                  className="btn btn-small"
                  aria-label={`Restore ${e.title}`}
                  onClick={() => void restore(e.documentId, e.title)}
                >
                  Restore
                </button>
              </li>
            ))}
          </ul>
          <button type="button" className="btn btn-small" onClick={() => setConfirming(true)}>
            Empty trash…
          </button>
        </>
      )}
      {confirming && (
        <TrashConfirm
          title="Empty the trash?"
          message={
            `${plural(entries.length, 'document')}` +
            (goesWith(total) ? ` with ${goesWith(total)}` : '') +
            ' will be deleted for good. This cannot be undone.'
          }
          confirmLabel="Delete for good"
          onAnswer={(yes) => (yes ? void empty() : setConfirming(false))}
        />
      )}
    </details>
  );
}
