import type { ReactNode, Ref } from 'react';
import type { DocumentId } from '../../../../shared/model';
import { ANALYSIS_LABELS, ANALYSIS_VIEWS } from '../analysis/AnalysisLayers';
import { ActionButton, actionHint, useAction } from '../../actions/ActionButton';
import { SearchBox, type SearchBoxHandle } from '../search/SearchBox';
import type { SearchOption } from '../search/results';
import { isClaimDrag } from '../notebook/dragClaim';
import { ExportMenu, type ExportRequest } from '../workspace/ExportMenu';
import type { View } from './globalActions';

interface Props {
  view: View;
  onView: (view: View) => void;
  /** suggested mentions waiting for review (the Entities badge) */
  pending: number | null;
  openDocument: { id: DocumentId; title: string } | null;
  searchRef: Ref<SearchBoxHandle>;
  onSearchHit: (option: SearchOption) => void;
  exporting: boolean;
  onExport: (request: ExportRequest) => void;
  onWorkspace: () => void;
}

/** The title bar: the three views, the search box, export, workspace and help. */
export function TopBar(p: Props) {
  return (
    <header className="topbar">
      <span className="brand">Claimdesk</span>
      <div className="views" role="group" aria-label="Main view">
        <ViewButton view="reader" action="view.reader" current={p.view} onView={p.onView}>
          Reader
        </ViewButton>
        <ViewButton view="table" action="view.table" current={p.view} onView={p.onView}>
          Claims table
        </ViewButton>
        <ViewButton
          view="entities"
          action="view.entities"
          current={p.view}
          onView={p.onView}
          // one name, not "Entities459": the count is said as words
          label={p.pending ? `Entities, ${p.pending} suggested mentions to review` : undefined}
        >
          Entities
          {p.pending !== null && p.pending > 0 && (
            <span className="count-badge" aria-hidden="true">
              {p.pending}
            </span>
          )}
        </ViewButton>
        {ANALYSIS_VIEWS.map((v) => (
          <ViewButton key={v} view={v} action={`view.${v}`} current={p.view} onView={p.onView}>
            {ANALYSIS_LABELS[v]}
          </ViewButton>
        ))}
        <ViewButton view="notebooks" action="view.notebooks" current={p.view} onView={p.onView}>
          Notebooks
        </ViewButton>
      </div>
      <span className="topbar-doc">{p.view === 'reader' ? (p.openDocument?.title ?? '') : ''}</span>
      <SearchBox ref={p.searchRef} openDocument={p.openDocument} onOpen={p.onSearchHit} />
      <ExportMenu busy={p.exporting} openDocument={p.openDocument} onExport={p.onExport} />
      <button
        type="button"
        className="btn btn-ghost btn-small"
        aria-haspopup="dialog"
        onClick={p.onWorkspace}
      >
        Workspace
      </button>
      <ActionButton
        action="help.shortcuts"
        className="btn btn-ghost btn-small btn-icon"
        aria-label="Keyboard shortcuts"
      >
        ?
      </ActionButton>
    </header>
  );
}

interface ViewButtonProps {
  view: View;
  action: string;
  current: View;
  onView: (view: View) => void;
  label?: string;
  children: ReactNode;
}

/** A click shows its view (its key toggles back to the reader); tooltip and keys from the action. */
function ViewButton({ view, action, current, onView, label, children }: ViewButtonProps) {
  return (
    <button
      type="button"
      className="view-btn"
      aria-pressed={current === view}
      aria-label={label}
      {...actionHint(useAction(action))}
      onClick={() => onView(view)}
      // a claim dragged onto the Notebooks button opens the notebook to drop it in
      onDragEnter={view === 'notebooks' ? (e) => isClaimDrag(e) && onView(view) : undefined}
    >
      {children}
    </button>
  );
}
