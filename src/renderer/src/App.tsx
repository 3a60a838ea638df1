import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AppInfo, ShellCommand } from '../../shared/api';
import type { Claim, ClaimId, DocumentSummary, EntityId } from '../../shared/model';
import { invoke } from './api';
import {
  ANALYSIS_KEYS,
  ANALYSIS_LABELS,
  ANALYSIS_VIEWS,
  AnalysisLayers,
  type AnalysisView,
  type BoardFocus,
} from './features/analysis/AnalysisLayers';
import type { NotebookId } from '../../shared/api-notebooks';
import { ClaimsPanel } from './features/claims/ClaimsPanel';
import { NotebookLinksContext, type NotebookLinks } from './features/notebook/links';
import { NotebooksView } from './features/notebook/NotebooksView';
import { EntitiesView, type EntitiesPane } from './features/entities/EntitiesView';
import { NavigateContext, type Navigate } from './features/entities/navigate';
import { EntityContext, useEntityStoreState } from './features/entities/store';
import { useMentionsRefresh } from './features/mentions/useMentionsRefresh';
import { useTagging } from './features/mentions/useTagging';
import { HelpDialog } from './features/help/HelpDialog';
import { DropOverlay } from './features/library/DropOverlay';
import { ImportPanel } from './features/library/ImportPanel';
import { LibraryPane, type LibraryHandle } from './features/library/LibraryPane';
import { ReferencesImport } from './features/sources/ReferencesImport';
import { PasswordDialog } from './features/library/PasswordDialog';
import { useImportQueue } from './features/library/useImportQueue';
import type { SearchOption } from './features/search/results';
import { SearchBox, type SearchBoxHandle } from './features/search/SearchBox';
import { useRevealTarget } from './features/search/useRevealTarget';
import { ClaimsTableView } from './features/table/ClaimsTableView';
import { entityFilter, ROLE_LABEL } from './features/table/entityFilter';
import { useClaimsTable } from './features/table/useClaimsTable';
import { DocumentReader } from './features/pdf/DocumentReader';
import type { ReaderHandle } from './features/reader/Reader';
import { StatusBar } from './features/shell/StatusBar';
import { Toasts } from './features/shell/Toasts';
import { useDesktopCommands } from './features/shell/useDesktopCommands';
import { useGlobalKeys } from './features/shell/useGlobalKeys';
import { errorMessage, useToasts } from './features/shell/useToasts';
import { useWorkspace } from './features/shell/useWorkspace';
import { Welcome } from './features/shell/Welcome';
import { ExportMenu, isBibliography, type ExportRequest } from './features/workspace/ExportMenu';
import { takeNotice } from './features/workspace/notice';
import { WorkspaceDialog } from './features/workspace/WorkspaceDialog';
import { documentTitle, plural } from './lib/format';
import { describeProgress, saveFile } from './lib/download';

interface PasswordPrompt {
  fileName: string;
  wrongBefore: boolean;
  answer: (password: string | null) => void;
}

export function App() {
  const toasts = useToasts();
  const { info, error } = toasts;
  const ws = useWorkspace(error);
  const readerRef = useRef<ReaderHandle>(null);
  const libraryRef = useRef<LibraryHandle>(null);
  const [appInfo, setAppInfo] = useState<AppInfo | null>(null);
  const [status, setStatus] = useState('');
  const [helpOpen, setHelpOpen] = useState(false);
  const [prompt, setPrompt] = useState<PasswordPrompt | null>(null);
  const [creating, setCreating] = useState(false);
  const [exporting, setExporting] = useState(false);
  const searchRef = useRef<SearchBoxHandle>(null);
  // the reader (library, document, claims) or every claim in one table; both stay mounted
  const [view, setView] = useState<'reader' | 'table' | 'entities' | 'notebooks' | AnalysisView>(
    'reader',
  );
  const [boardFocus, setBoardFocus] = useState<BoardFocus | null>(null);
  const [queryClient] = useState(() => new QueryClient());
  const [notebookId, setNotebookId] = useState<NotebookId | null>(null);
  const [entitiesPane, setEntitiesPane] = useState<EntitiesPane>({ type: 'suggestions' });
  const [workspaceOpen, setWorkspaceOpen] = useState(false);
  /** bumped when claims may have changed behind the table's back (undo, imports) */
  const [dataVersion, setDataVersion] = useState(0);
  const table = useClaimsTable(view === 'table', dataVersion);
  const reveal = useRevealTarget(ws, readerRef);
  const entities = useEntityStoreState(error);
  useMentionsRefresh(entities.version, ws.reloadMentions);
  const tagging = useTagging({
    store: entities,
    readerRef,
    documentId: ws.open?.summary.id ?? null,
    onClaimCreated: (claim) => {
      ws.putClaim(claim);
      ws.setSelectedClaimId(claim.id);
      setStatus('Claim created');
      void ws.refreshDocuments();
      setDataVersion((v) => v + 1);
    },
    onMentionCreated: (name) => setStatus(`Tagged a mention of ${name}`),
  });
  const navigate = useMemo<Navigate>(
    () => ({
      toClaim: (documentId, claimId, start = 0, end = 0) => {
        setView('reader');
        reveal({ documentId, claimId, start, end });
      },
      toPassage: (documentId, start, end) => {
        setView('reader');
        reveal({ documentId, start, end });
      },
    }),
    [reveal],
  );
  const tag = (mode: 'claim' | 'mention') => {
    const key = mode === 'claim' ? 'C' : 'E';
    if (view !== 'reader') info(`Passages are tagged in the reader: press R to go back to it.`);
    else if (!ws.open) error(`Open a document and select a passage first, then press ${key}.`);
    else if (!tagging.start(mode))
      error(`Select a passage in the document first, then press ${key}.`);
  };

  // a message from before a reload (a restored backup)
  useEffect(() => {
    const notice = takeNotice();
    if (notice) info(notice);
  }, [info]);

  useEffect(() => {
    invoke('app.info', {}).then(setAppInfo, (e: unknown) =>
      error(errorMessage(e, 'reach the backend')),
    );
  }, [error]);

  const imports = useImportQueue({
    askPassword: (fileName, wrongBefore) =>
      new Promise((answer) =>
        setPrompt({ fileName, wrongBefore, answer: (p) => (setPrompt(null), answer(p)) }),
      ),
    onDocument: (doc: DocumentSummary, outcome, batchSize) => {
      void ws.refreshDocuments();
      if (outcome === 'imported') void reportSuggestions(doc);
      if (outcome === 'duplicate') {
        info(`“${documentTitle(doc)}” is already in the workspace; opened it.`);
        void ws.openDocument(doc.id);
      } else if (batchSize === 1 || ws.openId() === null) {
        void ws.openDocument(doc.id);
      }
    },
  });

  const selectClaim = useCallback(
    (id: ClaimId, reveal: boolean) => {
      ws.setSelectedClaimId(id);
      const claim = ws.open?.claims.find((c) => c.id === id);
      if (reveal && claim) readerRef.current?.revealClaim(claim);
    },
    [ws],
  );

  const createClaim = async () => {
    if (!ws.open || creating) {
      if (!ws.open) error('Open a document and select a passage first, then press C.');
      return;
    }
    const spans = readerRef.current?.selectionSpans();
    if (!spans) {
      error('Select a passage in the document first, then press C (or click “Create claim”).');
      return;
    }
    setCreating(true);
    try {
      const claim = await invoke('claims.create', {
        documentId: ws.open.summary.id,
        spans,
      });
      ws.putClaim(claim);
      ws.setSelectedClaimId(claim.id);
      readerRef.current?.clearSelection();
      setStatus('Claim created');
      void ws.refreshDocuments();
    } catch (e) {
      error(errorMessage(e, 'create the claim'));
    } finally {
      setCreating(false);
    }
  };

  // a new document is scanned for the names of known entities: say what was found
  const reportSuggestions = async (doc: DocumentSummary) => {
    entities.changed();
    try {
      const { total } = await invoke('mentions.suggest', { documentId: doc.id, limit: 1 });
      if (total === 0) return;
      info(`${plural(total, 'possible mention')} of known entities in “${documentTitle(doc)}”.`, {
        label: 'Review',
        run: () => {
          setEntitiesPane({ type: 'suggestions' });
          setView('entities');
        },
      });
    } catch {
      // the badge on Entities still counts them
    }
  };

  const afterHistory = (step: { label: string; documentIds: string[] } | null, verb: string) => {
    if (!step) {
      info(`Nothing to ${verb.toLowerCase()}.`);
      return;
    }
    entities.changed();
    const openId = ws.openId();
    if (openId && step.documentIds.includes(openId)) void ws.reloadClaims();
    void ws.refreshDocuments();
    setDataVersion((v) => v + 1);
    setStatus(`${verb === 'Undo' ? 'Undid' : 'Redid'}: ${step.label}`);
  };
  const undo = async () => {
    try {
      afterHistory(await invoke('history.undo', {}), 'Undo');
    } catch (e) {
      error(errorMessage(e, 'undo'));
    }
  };
  const redo = async () => {
    try {
      afterHistory(await invoke('history.redo', {}), 'Redo');
    } catch (e) {
      error(errorMessage(e, 'redo'));
    }
  };

  const deleteClaim = async (claim: Claim) => {
    try {
      await invoke('claims.delete', { id: claim.id });
      ws.setSelectedClaimId(null);
      await ws.reloadClaims();
      void ws.refreshDocuments();
      info('Claim deleted', { label: 'Undo', run: () => void undo() });
    } catch (e) {
      error(errorMessage(e, 'delete the claim'));
    }
  };

  const exportClaims = async (request: ExportRequest = { format: 'json' }) => {
    if (exporting) return;
    setExporting(true);
    try {
      const progress = (p: Parameters<typeof describeProgress>[0]) =>
        setStatus(`Exporting the claims: ${describeProgress(p)}`);
      const { format, documentId } = request;
      const fileName = isBibliography(format)
        ? await saveFile('export.bibliography', { format, documentId }, progress)
        : await saveFile('export.claims', { format, documentId }, progress);
      setStatus(`Exported ${fileName}`);
    } catch (e) {
      error(errorMessage(e, 'export the claims'));
    } finally {
      setExporting(false);
    }
  };

  // a notebook's claims open their passage in the reader; its mentions, the entity's page
  const notebookLinks = useMemo<NotebookLinks>(
    () => ({
      openPassage: (card) => {
        setView('reader');
        reveal({ documentId: card.documentId, start: card.start, end: card.end, claimId: card.id });
      },
      openEntity: (id) => {
        setEntitiesPane({ type: 'entity', id });
        setView('entities');
      },
    }),
    [reveal],
  );

  const openSearchHit = (option: SearchOption) => {
    if (option.kind === 'entities') {
      void showEntityClaims(option.hit.entityId, option.hit.name);
      return;
    }
    if (option.kind === 'notebooks') {
      setNotebookId(option.hit.notebookId as NotebookId);
      setView('notebooks');
      return;
    }
    const { hit } = option;
    setView('reader');
    reveal({
      documentId: hit.documentId,
      start: hit.start,
      end: hit.end,
      ...(option.kind === 'claims' ? { claimId: option.hit.claimId } : {}),
    });
  };

  // no entity view yet: an entity opens as the claims table filtered by it
  const showEntityClaims = async (id: EntityId, name: string) => {
    try {
      const { role, filter, count } = await entityFilter(id);
      table.setFilter(filter, { [id]: name });
      setView('table');
      setStatus(
        count === 0 ? `No claims name ${name} yet` : `Claims with ${name} as ${ROLE_LABEL[role]}`,
      );
    } catch (e) {
      error(errorMessage(e, 'show the claims about this entity'));
    }
  };

  const onDataChanged = () => {
    void ws.refreshDocuments();
    void ws.reloadClaims();
    setDataVersion((v) => v + 1);
  };

  const runCommand = (command: ShellCommand) => {
    const actions: Record<ShellCommand, () => void> = {
      import: () => libraryRef.current?.pickFiles(),
      export: () => void exportClaims(),
      help: () => setHelpOpen(true),
      undo: () => void undo(),
      redo: () => void redo(),
    };
    actions[command]();
  };
  useDesktopCommands(runCommand);
  useGlobalKeys({
    createClaim: () => tag('claim'),
    tagMention: () => tag('mention'),
    showEntities: () => setView((v) => (v === 'entities' ? 'reader' : 'entities')),
    showReader: () => setView('reader'),
    linkClaim: () =>
      view === 'reader' &&
      document
        .querySelector<HTMLElement>('.claim-item.is-selected .relations [aria-keyshortcuts="L"]')
        ?.click(),
    deleteSelectedClaim: () => {
      if (view !== 'reader') return; // the selection lives in the reader, out of sight here
      const claim = ws.open?.claims.find((c) => c.id === ws.selectedClaimId);
      if (claim) void deleteClaim(claim);
    },
    undo: () => void undo(),
    redo: () => void redo(),
    help: () => setHelpOpen(true),
    pickFiles: () => libraryRef.current?.pickFiles(),
    exportClaims: () => void exportClaims(),
    escape: () => {
      if (window.getSelection()?.isCollapsed === false) readerRef.current?.clearSelection();
      else ws.setSelectedClaimId(null);
    },
    focusSearch: () => searchRef.current?.focus(),
    toggleTable: () => setView((v) => (v === 'table' ? 'reader' : 'table')),
    showAnalysis: (v) => setView(v),
  });

  const open = ws.open;
  const openDocId = open?.summary.id;
  // the status line describes the document in front of the user, not the previous one
  useEffect(() => setStatus(''), [openDocId]);
  const loading = ws.loadingId && ws.loadingId !== open?.summary.id ? ws.loadingId : null;
  const loadingTitle = loading
    ? (ws.documents?.find((d) => d.id === loading)?.meta.title ?? 'document')
    : null;

  const ui = (
    <div className="app">
      <header className="topbar">
        <span className="brand">Claimdesk</span>
        <div className="views" role="group" aria-label="Main view">
          <button
            type="button"
            className="view-btn"
            aria-pressed={view === 'reader'}
            title="Library, document and its claims (T switches)"
            onClick={() => setView('reader')}
          >
            Reader
          </button>
          <button
            type="button"
            className="view-btn"
            aria-pressed={view === 'table'}
            aria-keyshortcuts="T"
            title="Every claim in one table (T switches)"
            onClick={() => setView('table')}
          >
            Claims table
          </button>
          <button
            type="button"
            className="view-btn"
            aria-pressed={view === 'entities'}
            aria-keyshortcuts="G"
            title="Entities and suggested mentions (G)"
            onClick={() => setView('entities')}
          >
            Entities
            {entities.pending !== null && entities.pending > 0 && (
              <span className="count-badge" title="Suggested mentions to review">
                {entities.pending}
              </span>
            )}
          </button>
          {ANALYSIS_VIEWS.map((v) => (
            <button
              key={v}
              type="button"
              className="view-btn"
              aria-pressed={view === v}
              aria-keyshortcuts={ANALYSIS_KEYS[v]}
              title={`${ANALYSIS_LABELS[v]} (${ANALYSIS_KEYS[v]})`}
              onClick={() => setView(v)}
            >
              {ANALYSIS_LABELS[v]}
            </button>
          ))}
          <button
            type="button"
            className="view-btn"
            aria-pressed={view === 'notebooks'}
            title="Notebooks: your findings, with claims as cited evidence"
            onClick={() => setView('notebooks')}
          >
            Notebooks
          </button>
        </div>
        <span className="topbar-doc">
          {view === 'reader' && open ? documentTitle(open.summary) : ''}
        </span>
        <SearchBox
          ref={searchRef}
          openDocument={open ? { id: open.summary.id, title: documentTitle(open.summary) } : null}
          onOpen={openSearchHit}
        />
        <ExportMenu
          busy={exporting}
          openDocument={open ? { id: open.summary.id, title: documentTitle(open.summary) } : null}
          onExport={(request) => void exportClaims(request)}
        />
        <button
          type="button"
          className="btn btn-ghost btn-small"
          aria-haspopup="dialog"
          onClick={() => setWorkspaceOpen(true)}
        >
          Workspace
        </button>
        <button
          type="button"
          className="btn btn-ghost btn-small btn-icon"
          aria-label="Keyboard shortcuts"
          aria-keyshortcuts="?"
          title="Keyboard shortcuts (?)"
          onClick={() => setHelpOpen(true)}
        >
          ?
        </button>
      </header>
      <div className="workarea">
        <div className={`panes${view !== 'reader' ? ' is-behind' : ''}`} inert={view !== 'reader'}>
          <LibraryPane
            ref={libraryRef}
            documents={ws.documents}
            openId={open?.summary.id ?? null}
            onOpen={(id) => void ws.openDocument(id)}
            onFiles={imports.start}
          >
            <ReferencesImport
              onDone={(message) => {
                info(message);
                void ws.refreshDocuments();
              }}
              onError={error}
            />
            <ImportPanel
              items={imports.items}
              running={imports.running}
              onCancel={imports.cancel}
              onClose={imports.clear}
            />
          </LibraryPane>
          {open && !loading ? (
            <DocumentReader
              ref={readerRef}
              doc={open.summary}
              content={open.content}
              claims={open.claims}
              selectedClaimId={ws.selectedClaimId}
              creating={creating}
              onSelectClaim={(id) => selectClaim(id, false)}
              onCreateClaim={() => void createClaim()}
              onTagMention={() => tag('mention')}
              mentions={open.mentions}
              entityName={(id) => entities.byId.get(id)}
              onError={error}
            />
          ) : (
            <Welcome loading={loadingTitle} hasDocuments={(ws.documents?.length ?? 0) > 0} />
          )}
          <ClaimsPanel
            claims={open && !loading ? open.claims : null}
            pages={open?.content.pages ?? []}
            selectedId={ws.selectedClaimId}
            onSelect={(id) => selectClaim(id, true)}
            onSaved={ws.putClaim}
            onDelete={(c) => void deleteClaim(c)}
          />
        </div>
        <div
          className={`table-layer${view !== 'table' ? ' is-behind' : ''}`}
          inert={view !== 'table'}
        >
          <ClaimsTableView
            table={table}
            active={view === 'table'}
            documents={ws.documents ?? []}
            onOpenClaim={(row) => {
              setView('reader');
              reveal({
                documentId: row.documentId,
                start: row.start,
                end: row.end,
                claimId: row.id,
              });
            }}
            onStatus={setStatus}
            onInfo={info}
            onError={error}
          />
        </div>
        <div
          className={`entities-layer${view !== 'entities' ? ' is-behind' : ''}`}
          inert={view !== 'entities'}
        >
          <EntitiesView
            active={view === 'entities'}
            pane={entitiesPane}
            onPane={setEntitiesPane}
            onStatus={setStatus}
            onError={error}
            onUndoable={(message) => info(message, { label: 'Undo', run: () => void undo() })}
          />
        </div>
        <AnalysisLayers
          view={view}
          boardFocus={boardFocus}
          onBoardFocus={setBoardFocus}
          onOpenEntity={(id) => {
            setEntitiesPane({ type: 'entity', id });
            setView('entities');
          }}
          onStatus={setStatus}
          onError={error}
        />
        <div
          className={`notebooks-layer${view !== 'notebooks' ? ' is-behind' : ''}`}
          inert={view !== 'notebooks'}
        >
          <NotebookLinksContext.Provider value={notebookLinks}>
            <NotebooksView
              active={view === 'notebooks'}
              openId={notebookId}
              onOpen={setNotebookId}
              onError={error}
              onStatus={setStatus}
            />
          </NotebookLinksContext.Provider>
        </div>
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
      {helpOpen && <HelpDialog onClose={() => setHelpOpen(false)} />}
      {workspaceOpen && (
        <WorkspaceDialog
          dataDir={appInfo?.dataDir ?? null}
          onClose={() => setWorkspaceOpen(false)}
          onStatus={setStatus}
          onError={error}
          onChanged={onDataChanged}
        />
      )}
      {prompt && (
        <PasswordDialog
          fileName={prompt.fileName}
          wrongBefore={prompt.wrongBefore}
          onAnswer={prompt.answer}
        />
      )}
      {tagging.popover}
    </div>
  );
  // entity pickers, entity pages and related claims read the store and jump through `navigate`
  return (
    <QueryClientProvider client={queryClient}>
      <EntityContext value={entities}>
        <NavigateContext value={navigate}>{ui}</NavigateContext>
      </EntityContext>
    </QueryClientProvider>
  );
}
