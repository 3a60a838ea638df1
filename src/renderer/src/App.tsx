import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { ActionsProvider, useActions, useDefaultScopes } from './actions/context';
import { ActionRegistry } from './actions/registry';
import { AnalysisLayers, type BoardFocus } from './features/analysis/AnalysisLayers';
import { taggingActions } from './features/claims/claimActions';
import { useClaimCommands } from './features/claims/useClaimCommands';
import { EntitiesView, type EntitiesPane } from './features/entities/EntitiesView';
import { NavigateContext } from './features/entities/navigate';
import { EntityContext, useEntityStoreState } from './features/entities/store';
import { DropOverlay } from './features/library/DropOverlay';
import { NotebookLinksContext, type NotebookLinks } from './features/notebook/links';
import { NotebooksView } from './features/notebook/NotebooksView';
import type { LibraryHandle } from './features/library/LibraryPane';
import { useLibraryImports } from './features/library/useLibraryImports';
import type { ReaderHandle } from './features/reader/Reader';
import { ReaderPanes } from './features/reader/ReaderPanes';
import type { SearchBoxHandle } from './features/search/SearchBox';
import { useRevealTarget } from './features/search/useRevealTarget';
import { useSearchNavigation } from './features/search/useSearchNavigation';
import { globalActions, type View } from './features/shell/globalActions';
import { AppDialogs, type AppDialog } from './features/shell/AppDialogs';
import { StatusBar } from './features/shell/StatusBar';
import { Toasts } from './features/shell/Toasts';
import { TopBar } from './features/shell/TopBar';
import { ViewLayer } from './features/shell/ViewLayer';
import { useDesktopCommands } from './features/shell/useDesktopCommands';
import { useHistory } from './features/shell/useHistory';
import { useAppInfo } from './features/shell/useAppInfo';
import { useToasts } from './features/shell/useToasts';
import { useWorkspace } from './features/shell/useWorkspace';
import { ClaimsTableView } from './features/table/ClaimsTableView';
import { useClaimsTable } from './features/table/useClaimsTable';
import { useExport } from './features/workspace/useExport';
import type { NotebookId } from '../../shared/api-notebooks';
import { documentTitle, plural } from './lib/format';
import type { EntityId } from '../../shared/model';
import { createQueryClient } from './query/client';
import { everythingChanged } from './query/invalidate';

/** The app: one action registry for every key, menu command, button and the palette. */
export function App() {
  const registry = useMemo(() => new ActionRegistry(), []);
  const queryClient = useMemo(createQueryClient, []);
  return (
    <QueryClientProvider client={queryClient}>
      <ActionsProvider registry={registry}>
        <Workbench />
      </ActionsProvider>
    </QueryClientProvider>
  );
}

function Workbench() {
  const toasts = useToasts();
  const { info, error } = toasts;
  const ws = useWorkspace(error);
  const readerRef = useRef<ReaderHandle>(null);
  const libraryRef = useRef<LibraryHandle>(null);
  const searchRef = useRef<SearchBoxHandle>(null);
  const [status, setStatus] = useState('');
  const [dialog, setDialog] = useState<AppDialog>(null);
  // the reader (library, document, claims), every claim in one table, or the entities; all mounted
  const [view, setView] = useState<View>('reader');
  const [entitiesPane, setEntitiesPane] = useState<EntitiesPane>({ type: 'suggestions' });
  const [boardFocus, setBoardFocus] = useState<BoardFocus | null>(null);
  const [notebookId, setNotebookId] = useState<NotebookId | null>(null);
  const queryClient = useQueryClient();
  const table = useClaimsTable(view === 'table');
  const reveal = useRevealTarget(ws, readerRef);
  const entities = useEntityStoreState(error);
  const { exporting, exportClaims } = useExport(setStatus, error);
  // undo, redo, a restored backup: anything may have changed
  const onDataChanged = useCallback(() => void everythingChanged(queryClient), [queryClient]);
  const { undo, redo } = useHistory({ onChanged: onDataChanged, onStatus: setStatus, info, error });
  const claims = useClaimCommands({
    ws,
    entities,
    readerRef,
    view,
    onStatus: setStatus,
    info,
    error,
    undo,
  });
  const { imports, prompt } = useLibraryImports({
    ws,
    entities,
    info,
    onReviewSuggestions: () => {
      setEntitiesPane({ type: 'suggestions' });
      setView('entities');
    },
  });
  const { navigate, openSearchHit } = useSearchNavigation({
    reveal,
    setView,
    openNotebook: (id) => {
      setNotebookId(id);
      setView('notebooks');
    },
    table,
    onStatus: setStatus,
    onError: error,
  });

  useActions([
    ...globalActions({
      setView,
      focusSearch: () => searchRef.current?.focus(),
      pickFiles: () => libraryRef.current?.pickFiles(),
      exportClaims: () => void exportClaims(),
      undo,
      redo,
      openHelp: () => setDialog('help'),
      openPalette: () => setDialog('palette'),
      escape: () => {
        if (window.getSelection()?.isCollapsed === false) readerRef.current?.clearSelection();
        else ws.setSelectedClaimId(null);
      },
    }),
    ...taggingActions(claims.tag),
  ]);
  // a click in the text leaves the focus on the body: keys then mean the document in front
  useDefaultScopes(view === 'reader' ? ['document', 'reader'] : [view]);
  useDesktopCommands();
  const openEntity = useCallback((id: EntityId) => {
    setEntitiesPane({ type: 'entity', id });
    setView('entities');
  }, []);
  // a notebook's claims open their passage in the reader; its mentions, the entity's page
  const notebookLinks = useMemo<NotebookLinks>(
    () => ({
      openPassage: (card) => navigate.toClaim(card.documentId, card.id, card.start, card.end),
      openEntity,
    }),
    [navigate, openEntity],
  );

  const appInfo = useAppInfo(info, error);

  const open = ws.open;
  const openDocId = open?.summary.id;
  // the status line describes the document in front of the user, not the previous one
  useEffect(() => setStatus(''), [openDocId]);
  const openRef = open ? { id: open.summary.id, title: documentTitle(open.summary) } : null;

  const ui = (
    <div className="app">
      <TopBar
        view={view}
        onView={setView}
        pending={entities.pending}
        openDocument={openRef}
        searchRef={searchRef}
        onSearchHit={openSearchHit}
        exporting={exporting}
        onExport={(request) => void exportClaims(request)}
        onWorkspace={() => setDialog('workspace')}
      />
      <div className="workarea">
        <ViewLayer name="reader" current={view} className="reader-layer">
          <ReaderPanes
            ws={ws}
            claims={claims}
            entities={entities}
            imports={imports}
            readerRef={readerRef}
            libraryRef={libraryRef}
            onInfo={info}
            onError={error}
          />
        </ViewLayer>
        <ViewLayer name="table" current={view} className="table-layer">
          <ClaimsTableView
            table={table}
            active={view === 'table'}
            documents={ws.documents ?? []}
            onOpenClaim={(row) => navigate.toClaim(row.documentId, row.id, row.start, row.end)}
            onStatus={setStatus}
            onInfo={info}
            onError={error}
          />
        </ViewLayer>
        <ViewLayer name="entities" current={view} className="entities-layer">
          <EntitiesView
            pane={entitiesPane}
            onPane={setEntitiesPane}
            onStatus={setStatus}
            onError={error}
            onUndoable={(message) => info(message, { label: 'Undo', run: undo })}
          />
        </ViewLayer>
        <AnalysisLayers
          view={view}
          boardFocus={boardFocus}
          onBoardFocus={setBoardFocus}
          onOpenEntity={openEntity}
          onStatus={setStatus}
          onError={error}
        />
        <ViewLayer name="notebooks" current={view} className="notebooks-layer">
          <NotebookLinksContext value={notebookLinks}>
            <NotebooksView
              active={view === 'notebooks'}
              openId={notebookId}
              onOpen={setNotebookId}
              onError={error}
              onStatus={setStatus}
            />
          </NotebookLinksContext>
        </ViewLayer>
      </div>
      <StatusBar
        info={appInfo}
        message={
          status ||
          (open && view === 'reader'
            ? `${plural(open.claims.length, 'claim')} in this document`
            : '')
        }
      />
      <Toasts toasts={toasts.toasts} onDismiss={toasts.dismiss} />
      <DropOverlay onFiles={imports.start} />
      <AppDialogs
        dialog={dialog}
        onClose={() => setDialog(null)}
        dataDir={appInfo?.dataDir ?? null}
        prompt={prompt}
        onStatus={setStatus}
        onError={error}
        onDataChanged={onDataChanged}
      />
      {claims.tagging.popover}
    </div>
  );
  // entity pickers, entity pages and related claims read the store and jump through `navigate`
  return (
    <EntityContext value={entities}>
      <NavigateContext value={navigate}>{ui}</NavigateContext>
    </EntityContext>
  );
}
