import { use, useEffect, useId, useRef, useState } from 'react';
import { useActions } from '../../actions/context';
import type { Claim, ClaimId, PageSpan } from '../../../../shared/model';
import { plural } from '../../lib/format';
import { moveFocusInList } from '../../lib/listKeys';
import { formatPageRange, spansPageRange } from '../../../../shared/pages';
import { dragClaim } from '../notebook/dragClaim';
import { selectedClaimActions } from './claimActions';
import { ClaimEditor } from './ClaimEditor';
import { ClaimSummary } from './ClaimItem';
import { ClaimsFilterBar } from './ClaimsFilterBar';
import { EntityContext } from '../entities/store';
import { filterClaims, isFiltering, NO_FILTER } from './panelFilter';

interface Props {
  /** null when no document is open */
  claims: readonly Claim[] | null;
  pages: readonly PageSpan[];
  selectedId: ClaimId | null;
  onSelect: (id: ClaimId) => void;
  onSaved: (claim: Claim) => void;
  onDelete: (claim: Claim) => void;
}

/**
 * The open document's claims in text order, as a listbox (↑/↓/Home/End move, Enter or a click
 * selects); the selected claim's editor follows the list as its own region, so the options hold no
 * fields and Tab goes from the list into the editor.
 */
export function ClaimsPanel({ claims, pages, selectedId, onSelect, onSaved, onDelete }: Props) {
  const headingId = useId();
  const listRef = useRef<HTMLUListElement>(null);
  const [linkingId, setLinkingId] = useState<ClaimId | null>(null);
  const selected = claims?.find((c) => c.id === selectedId) ?? null;
  useActions(
    selectedClaimActions({
      hasSelection: selected !== null,
      deleteSelected: () => selected && onDelete(selected),
      linkSelected: () => selected && setLinkingId(selected.id),
    }),
  );

  useEffect(() => {
    if (!selectedId || !listRef.current) return;
    const item = listRef.current.querySelector<HTMLElement>(
      `[data-claim-id="${CSS.escape(selectedId)}"]`,
    );
    item?.scrollIntoView({ block: 'nearest' });
  }, [selectedId]);

  const [filter, setFilter] = useState(NO_FILTER);
  const entities = use(EntityContext);
  const nameOf = (id: string | null) => (id ? (entities?.byId.get(id)?.name ?? '') : '');
  const all = claims ? [...claims].sort((a, b) => firstStart(a) - firstStart(b)) : null;
  const sorted = all
    ? filterClaims(all, filter, (c) => [c.claimantId, c.placeId, ...c.subjectIds].map(nameOf))
    : null;
  const tabStop = sorted?.some((c) => c.id === selectedId) ? selectedId : sorted?.[0]?.id;

  return (
    <aside className="pane claims" aria-labelledby={headingId} data-scope="claims">
      <div className="pane-head">
        <h2 className="pane-title" id={headingId}>
          Claims
        </h2>
        {all && sorted && (
          <span className="pane-count">
            {isFiltering(filter)
              ? `${sorted.length} of ${plural(all.length, 'claim')}`
              : plural(all.length, 'claim')}
          </span>
        )}
      </div>
      {all && all.length > 0 && (
        <ClaimsFilterBar claims={all} filter={filter} onFilter={setFilter} />
      )}
      {sorted === null ? (
        <p className="pane-empty">Open a document to see its claims.</p>
      ) : sorted.length === 0 && isFiltering(filter) ? (
        <p className="pane-empty">No claim here matches the filter.</p>
      ) : sorted.length === 0 ? (
        <div className="pane-empty">
          <p>No claims in this document yet.</p>
          <p>
            Select a passage in the text, then press <kbd>C</kbd> or click “Create claim”.
          </p>
        </div>
      ) : null}
      {/* a listbox holds options only: the selected claim's editor is a region after the list */}
      <ul
        ref={listRef}
        role="listbox"
        className="claim-list"
        aria-label="Claims"
        hidden={!sorted || sorted.length === 0}
        onKeyDown={(e) => moveFocusInList(e, '.claim-item')}
      >
        {sorted?.map((c) => (
          <li
            key={c.id}
            role="option"
            data-claim-id={c.id}
            className={`claim-item${c.id === selectedId ? ' is-selected' : ''}`}
            tabIndex={c.id === tabStop ? 0 : -1}
            aria-selected={c.id === selectedId}
            // into a notebook (drop on the Notebooks button to open it)
            draggable
            onDragStart={(e) =>
              dragClaim(e, c.id, c.spans.map((s) => s.exact).join(' … ') || c.statement)
            }
            onClick={() => onSelect(c.id)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                onSelect(c.id);
              }
            }}
          >
            <ClaimSummary claim={c} pageText={formatPageRange(spansPageRange(pages, c.spans))} />
          </li>
        ))}
      </ul>
      {selected && (
        <section className="claim-editor-region" aria-label="Selected claim">
          <ClaimEditor
            key={selected.id}
            claim={selected}
            onSaved={onSaved}
            onDelete={() => onDelete(selected)}
            linking={linkingId === selected.id}
            onLinking={(on) => setLinkingId(on ? selected.id : null)}
          />
        </section>
      )}
    </aside>
  );
}

const firstStart = (c: Claim) => c.spans[0]?.start ?? 0;
