import type { Ref, RefObject } from 'react';
import { ClaimsPanel } from '../claims/ClaimsPanel';
import type { useClaimCommands } from '../claims/useClaimCommands';
import type { EntityStore } from '../entities/store';
import { ImportPanel } from '../library/ImportPanel';
import { LibraryPane, type LibraryHandle } from '../library/LibraryPane';
import type { useImportQueue } from '../library/useImportQueue';
import { DocumentReader } from '../pdf/DocumentReader';
import type { useWorkspace } from '../shell/useWorkspace';
import { Welcome } from '../shell/Welcome';
import { ReferencesImport } from '../sources/ReferencesImport';
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

/** The reader view's three panes: the library, the open document, and its claims. */
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
  const open = ws.open;
  const openId = open?.summary.id ?? null;
  const loading = ws.loadingId && ws.loadingId !== openId ? ws.loadingId : null;
  const loadingTitle = loading
    ? (ws.documents?.find((d) => d.id === loading)?.meta.title ?? 'document')
    : null;
  const shown = open && !loading ? open : null;
  return (
    <>
      <LibraryPane
        ref={libraryRef}
        documents={ws.documents}
        openId={openId}
        onOpen={(id) => void ws.openDocument(id)}
        onFiles={imports.start}
      >
        <ReferencesImport
          onDone={(message) => {
            onInfo(message);
            void ws.refreshDocuments();
          }}
          onError={onError}
        />
        <ImportPanel
          items={imports.items}
          running={imports.running}
          onCancel={imports.cancel}
          onClose={imports.clear}
        />
      </LibraryPane>
      {shown ? (
        <DocumentReader
          ref={readerRef}
          doc={shown.summary}
          content={shown.content}
          claims={shown.claims}
          selectedClaimId={ws.selectedClaimId}
          creating={claims.creating}
          onSelectClaim={(id) => ws.setSelectedClaimId(id)}
          onCreateClaim={() => void claims.createClaim()}
          onTagMention={() => claims.tag('mention')}
          mentions={shown.mentions}
          entityName={(id) => entities.byId.get(id)}
          onError={onError}
        />
      ) : (
        <Welcome loading={loadingTitle} hasDocuments={(ws.documents?.length ?? 0) > 0} />
      )}
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
    </>
  );
}
