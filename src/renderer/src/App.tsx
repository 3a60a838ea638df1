import { useCallback, useMemo, useRef, useState } from 'react';
import { QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { ActionsProvider } from './actions/context';
import { ActionRegistry } from './actions/registry';
import { AnalysisLayers } from './features/analysis/AnalysisLayers';
import { useClaimCommands } from './features/claims/useClaimCommands';
import { EntitiesView } from './features/entities/EntitiesView';
import { NavigateContext } from './features/entities/navigate';
import { EntityContext, useEntityStoreState } from './features/entities/store';
import { DropOverlay } from './features/library/DropOverlay';
import { NotebooksLayer } from './features/notebook/NotebooksLayer';
import type { LibraryHandle } from './features/library/LibraryPane';
import { useLibraryImports } from './features/library/useLibraryImports';
import type { ReaderHandle } from './features/reader/Reader';
import { ReaderPanes } from './features/reader/ReaderPanes';
import type { SearchBoxHandle } from './features/search/SearchBox';
import { useRevealTarget } from './features/search/useRevealTarget';
import { useSearchNavigation } from './features/search/useSearchNavigation';
import { AppDialogs, type AppDialog } from './features/shell/AppDialogs';
import { StatusBar } from './features/shell/StatusBar';
import { Toasts } from './features/shell/Toasts';
import { TopBar } from './features/shell/TopBar';
import { ViewLayer } from './features/shell/ViewLayer';
import { useHistory } from './features/shell/useHistory';
import { useAppInfo } from './features/shell/useAppInfo';
import { useToasts } from './features/shell/useToasts';
import { useStatusLine } from './features/shell/useStatusLine';
import { useViews } from './features/shell/useViews';
import { useWorkbenchActions } from './features/shell/useWorkbenchActions';
import { useWorkspace } from './features/shell/useWorkspace';
import { ClaimsTableView } from './features/table/ClaimsTableView';
import { useClaimsTable } from './features/table/useClaimsTable';
import { useExport } from './features/workspace/useExport';
import { documentTitle, plural } from './lib/format';
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
  const [status, setStatus] = useStatusLine(ws.open?.summary.id);
  const [dialog, setDialog] = useState<AppDialog>(null);
  const views = useViews();
  const { view, setView, openEntity } = views;
  const queryClient = useQueryClient();
  const table = useClaimsTable(view === 'table');
  const reveal = useRevealTarget(ws, readerRef);
  const entities = useEntityStoreState(error);
  const { exporting, exportClaims } = useExport(setStatus, error);
  // undo, redo, a restored backup: anything may have changed
  const onDataChanged = useCallback(() => void everythingChanged(queryClient), [queryClient]);
  const { undo, redo } = useHistory({ onChanged: onDataChanged, onStatus: setStatus, info, error });
  // stable, so that the entities view (5,000 entities) is not drawn again on every switch of view
  const onEntityUndoable = useCallback(
    (message: string) => info(message, { label: 'Undo', run: undo }),
    [info, undo],
  );
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
    onReviewSuggestions: views.openSuggestions,
  });
  const { navigate, openSearchHit } = useSearchNavigation({
    reveal,
    setView,
    openNotebook: views.openNotebook,
    table,
    onStatus: setStatus,
    onError: error,
  });
  useWorkbenchActions({
    view,
    setView,
    searchRef,
    libraryRef,
    readerRef,
    exportClaims: () => void exportClaims(),
    undo,
    redo,
    setDialog,
    deselectClaim: () => ws.setSelectedClaimId(null),
    tag: claims.tag,
  });
  const appInfo = useAppInfo(info, error);
  const open = ws.open;
  const openRef = open ? { id: open.summary.id, title: documentTitle(open.summary) } : null;

  // entity pickers, entity pages and related claims read the store and jump through `navigate`
  return (
    <EntityContext value={entities}>
      <NavigateContext value={navigate}>
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
                pane={views.entitiesPane}
                onPane={views.setEntitiesPane}
                onStatus={setStatus}
                onError={error}
                onUndoable={onEntityUndoable}
              />
            </ViewLayer>
            <AnalysisLayers
              view={view}
              boardFocus={views.boardFocus}
              onBoardFocus={views.setBoardFocus}
              onOpenEntity={openEntity}
              onStatus={setStatus}
              onError={error}
            />
            <NotebooksLayer
              view={view}
              openId={views.notebookId}
              onOpen={views.setNotebookId}
              openEntity={openEntity}
              onError={error}
              onStatus={setStatus}
            />
          </div>
          <StatusBar
            info={appInfo}
            message={status || (open && view === 'reader' ? claimCount(open.claims.length) : '')}
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
      </NavigateContext>
    </EntityContext>
  );
}

const claimCount = (n: number) => `${plural(n, 'claim')} in this document`;
