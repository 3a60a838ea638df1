import type { Ref, RefObject } from 'react';
import { actionHint, useAction } from '../../actions/ActionButton';
import { useActions } from '../../actions/context';
import { ClaimsPanel } from '../claims/ClaimsPanel';
import type { useClaimCommands } from '../claims/useClaimCommands';
import type { EntityStore } from '../entities/store';
import { ImportPanel } from '../library/ImportPanel';
import { LibraryPane, type LibraryHandle } from '../library/LibraryPane';
import type { useImportQueue } from '../library/useImportQueue';
import { DocumentReader } from '../pdf/DocumentReader';
import type { useWorkspace } from '../shell/useWorkspace';
import { PaneResizer } from '../shell/PaneResizer';
import { usePaneLayout } from '../shell/usePaneLayout';
import { Welcome } from '../shell/Welcome';
import { ReferencesImport } from '../sources/ReferencesImport';
import { OcrLanguagesButton } from '../ocr/OcrLanguagesDialog';
import type { ReaderHandle } from './Reader';

interface Props {
  ws: ReturnType<typeof useWorkspace>;
  claims: ReturnType<typeof useClaimCommands>;
  entities: EntityStore;
  imports: ReturnType<typeof useImportQueue>;
  readerRef: RefObject<ReaderHandle | null>;
  libraryRef: Ref<LibraryHandle>;
  onInfo: (message: string) => void;
  onError: (message: string) => void;
}

/**
 * The reader view's three panes: the library, the open document, and its claims. The side panes
 * are resizable and can be hidden (Ctrl+B, Ctrl+Alt+B), remembered across sessions, and narrowed
 * so the document keeps room in a small window.
 */
export function ReaderPanes({
  ws,
  claims,
  entities,
  imports,
  readerRef,
  libraryRef,
  onInfo,
  onError,
}: Props) {
  const panes = usePaneLayout();
  const { layout, widths } = panes;
  useActions([
    {
      id: 'layout.toggleLibrary',
      label: layout.libraryHidden ? 'Show the library' : 'Hide the library',
      keys: ['Mod+B'],
      scope: 'reader',
      perform: () => panes.toggle('library'),
    },
    {
      id: 'layout.toggleClaims',
      label: layout.claimsHidden ? 'Show the claims panel' : 'Hide the claims panel',
      keys: ['Mod+Alt+B'],
      scope: 'reader',
      perform: () => panes.toggle('claims'),
    },
  ]);
  const open = ws.open;
  const openId = open?.summary.id ?? null;
  const loading = ws.loadingId && ws.loadingId !== openId ? ws.loadingId : null;
  const loadingTitle = loading
    ? (ws.documents?.find((d) => d.id === loading)?.meta.title ?? 'document')
    : null;
  const shown = open && !loading ? open : null;
  return (
    <div
      className="panes"
      style={{ gridTemplateColumns: `${widths.library}px minmax(0, 1fr) ${widths.claims}px` }}
    >
      <div className="pane-slot is-library" hidden={layout.libraryHidden}>
        <LibraryPane
          ref={libraryRef}
          documents={ws.documents}
          openId={openId}
          onOpen={(id) => void ws.openDocument(id)}
          onFiles={imports.start}
          onInfo={onInfo}
          onError={onError}
        >
          <ReferencesImport
            onDone={(message) => {
              onInfo(message);
              void ws.refreshDocuments();
            }}
            onError={onError}
          />
          <OcrLanguagesButton onStatus={onInfo} />
          <ImportPanel
            items={imports.items}
            running={imports.running}
            onCancel={imports.cancel}
            onClose={imports.clear}
          />
        </LibraryPane>
        <PaneResizer
          pane="library"
          width={widths.library}
          label="Library width"
          onResize={(w) => panes.resize('library', w)}
        />
      </div>
      <PaneToggle
        pane="library"
        hidden={layout.libraryHidden}
        edge={widths.library}
        onToggle={panes.toggle}
      />
      {shown ? (
        <DocumentReader
          ref={readerRef}
          doc={shown.summary}
          content={shown.content}
          claims={shown.claims}
          selectedClaimId={ws.selectedClaimId}
          onSelectClaim={(id) => ws.setSelectedClaimId(id)}
          mentions={shown.mentions}
          entityName={(id) => entities.byId.get(id)}
          onError={onError}
        />
      ) : (
        <Welcome loading={loadingTitle} hasDocuments={(ws.documents?.length ?? 0) > 0} />
      )}
      <PaneToggle
        pane="claims"
        hidden={layout.claimsHidden}
        edge={widths.claims}
        onToggle={panes.toggle}
      />
      <div className="pane-slot is-claims" hidden={layout.claimsHidden}>
        <PaneResizer
          pane="claims"
          width={widths.claims}
          label="Claims panel width"
          onResize={(w) => panes.resize('claims', w)}
        />
        <ClaimsPanel
          claims={shown ? shown.claims : null}
          pages={open?.content.pages ?? []}
          selectedId={ws.selectedClaimId}
          onSelect={(id) => {
            ws.setSelectedClaimId(id);
            const claim = open?.claims.find((c) => c.id === id);
            if (claim) readerRef.current?.revealClaim(claim);
          }}
          onSaved={ws.putClaim}
          onDelete={(c) => void claims.deleteClaim(c)}
        />
      </div>
    </div>
  );
}

/**
 * Hides or shows a side pane. It sits on the document's side of the pane's inner edge (`edge`: the
 * pane's width, 0 when hidden), so it stays where the pane was, and at the top, in the margin
 * beside the reader's title: there it covers neither the text, nor the scroll bar, nor the pane's
 * own fields (at the window's outer edges it covered the claim editor's and the trash's).
 */
function PaneToggle({
  pane,
  hidden,
  edge,
  onToggle,
}: {
  pane: 'library' | 'claims';
  hidden: boolean;
  edge: number;
  onToggle: (pane: 'library' | 'claims') => void;
}) {
  const name = pane === 'library' ? 'library' : 'claims panel';
  const hint = actionHint(
    useAction(pane === 'library' ? 'layout.toggleLibrary' : 'layout.toggleClaims'),
  );
  const arrow = (pane === 'library') === hidden ? '›' : '‹';
  return (
    <button
      type="button"
      className={`pane-toggle is-${pane}`}
      style={pane === 'library' ? { left: edge } : { right: edge }}
      aria-expanded={!hidden}
      aria-label={`${hidden ? 'Show' : 'Hide'} the ${name}`}
      title={hint.title}
      aria-keyshortcuts={hint['aria-keyshortcuts']}
      onClick={() => onToggle(pane)}
    >
      {arrow}
    </button>
  );
}
