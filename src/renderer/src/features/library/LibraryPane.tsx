import { useQueryClient } from '@tanstack/react-query';
import {
  useId,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
  type ReactNode,
  type Ref,
} from 'react';
import type { DocumentId, DocumentSummary } from '../../../../shared/model';
import { useActions } from '../../actions/context';
import { invoke } from '../../api';
import { documentTitle, plural } from '../../lib/format';
import { everythingChanged } from '../../query/invalidate';
import { errorMessage } from '../shell/useToasts';
import type { CollectionId } from '../../../../shared/api-library';
import { CollectionsBar, useCollectionFilter } from './CollectionsBar';
import { goesWith, TrashConfirm } from './TrashConfirm';
import { TrashSection } from './TrashSection';
import { DocumentFilter } from './DocumentFilter';
import { DocumentList, type DocumentListHandle } from './DocumentList';
import { ImportButtons } from './ImportButtons';
import {
  filterRows,
  libraryRow,
  loadSort,
  nextSort,
  rowIds,
  saveSort,
  sortRows,
  type LibrarySort,
} from './libraryList';

export interface LibraryHandle {
  /** Opens the system file picker (menu command, shortcut). */
  pickFiles(): void;
}

interface Props {
  documents: readonly DocumentSummary[] | null;
  openId: DocumentId | null;
  onOpen: (id: DocumentId) => void;
  onFiles: (files: File[]) => void;
  onInfo: (message: string) => void;
  onError: (message: string) => void;
  children?: ReactNode;
  ref?: Ref<LibraryHandle>;
}

/**
 * The workspace's documents and the way in for new ones. Ctrl/⌘-click adds a document to the
 * selection, Shift-click a range; Delete moves the selected documents (else the open one) to the
 * trash after a confirmation, and Ctrl+Z brings them back.
 */
export function LibraryPane({
  documents,
  openId,
  onOpen,
  onFiles,
  onInfo,
  onError,
  children,
  ref,
}: Props) {
  const qc = useQueryClient();
  const [selected, setSelected] = useState<DocumentId[]>([]);
  const [anchor, setAnchor] = useState<DocumentId | null>(null);
  const [confirmTrash, setConfirmTrash] = useState<DocumentId[] | null>(null);
  const [shownCollection, setShownCollection] = useState<CollectionId | null>(null);
  const inCollection = useCollectionFilter(shownCollection);
  const [sort, setSort] = useState<LibrarySort>(loadSort);
  const [filter, setFilter] = useState('');
  const filterId = useId();
  const list = useRef<DocumentListHandle>(null);
  // rows are prepared once per answer; a keystroke in the filter only filters them
  const allRows = useMemo(() => (documents ?? []).map(libraryRow), [documents]);
  const sorted = useMemo(() => sortRows(allRows, sort), [allRows, sort]);
  const inShown = useMemo(
    () => (inCollection ? sorted.filter((r) => inCollection.has(r.doc.id)) : sorted),
    [sorted, inCollection],
  );
  const rows = useMemo(() => filterRows(inShown, filter), [inShown, filter]);
  const visibleIds = useMemo(() => rowIds(rows), [rows]);
  const onSort = (key: Parameters<typeof nextSort>[1]) => {
    const next = nextSort(sort, key);
    setSort(next);
    saveSort(next);
  };
  // documents gone from the list (trashed, undone) leave the selection
  const present = selected.filter((id) => documents?.some((d) => d.id === id));
  const targets = present.length > 0 ? present : openId ? [openId] : [];
  useActions([
    {
      id: 'library.trash',
      label: 'Move the selected documents to the trash',
      keys: ['Delete'],
      scope: 'library',
      enabled: () => targets.length > 0,
      perform: () => setConfirmTrash(targets),
    },
  ]);
  const select = (id: DocumentId, e: { ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }) => {
    if (e.shiftKey && anchor && visibleIds.includes(anchor)) {
      const ids = visibleIds;
      const [a, b] = [ids.indexOf(anchor), ids.indexOf(id)].sort((x, y) => x - y);
      setSelected(ids.slice(a, b! + 1));
      return;
    }
    setAnchor(id);
    if (e.ctrlKey || e.metaKey) {
      const base = present.length > 0 ? present : openId ? [openId] : [];
      setSelected(base.includes(id) ? base.filter((x) => x !== id) : [...base, id]);
      return;
    }
    setSelected([]);
    onOpen(id);
  };
  const trash = async (ids: DocumentId[]) => {
    setConfirmTrash(null);
    try {
      const counts = await invoke('documents.trash', { ids });
      const withThem = goesWith(counts);
      onInfo(
        `Moved ${plural(ids.length, 'document')} to the trash${withThem ? ` with ${withThem}` : ''}. Ctrl+Z brings ${ids.length === 1 ? 'it' : 'them'} back.`,
      );
      setSelected([]);
      const next = documents?.find((d) => !ids.includes(d.id));
      if (openId && ids.includes(openId) && next) onOpen(next.id);
    } catch (e) {
      onError(errorMessage(e, 'move the documents to the trash'));
    }
    await everythingChanged(qc);
  };
  const input = useRef<HTMLInputElement>(null);
  useImperativeHandle(ref, () => ({ pickFiles: () => input.current?.click() }), []);
  // the open document, else the first, is the list's single Tab stop
  const tabStop = openId && visibleIds.includes(openId) ? openId : visibleIds[0];

  return (
    <nav className="pane library" aria-label="Library" data-scope="library">
      <ImportButtons fileInput={input} onFiles={onFiles} />
      {children}
      {documents === null && <p className="pane-empty">Loading documents…</p>}
      {documents?.length === 0 && (
        <div className="pane-empty">
          <p>No documents yet.</p>
          <p>
            Import reports and articles (TXT, Markdown, HTML, PDF, DOCX, EPUB) with the button
            above, or drop files on the window.
          </p>
        </div>
      )}
      {documents !== null && documents.length > 0 && (
        <CollectionsBar
          shown={shownCollection}
          onShow={(id) => {
            setShownCollection(id);
            setSelected([]);
          }}
          targets={targets}
          onInfo={onInfo}
          onError={onError}
        />
      )}
      {inCollection && inShown.length === 0 && (
        <p className="pane-empty">No documents in this collection yet.</p>
      )}
      {present.length > 1 && (
        <p className="pane-note selection-note" role="status">
          {plural(present.length, 'document')} selected · Delete moves them to the trash
        </p>
      )}
      {inShown.length > 0 && (
        <DocumentFilter
          id={filterId}
          filter={filter}
          onFilter={setFilter}
          matches={rows.length}
          total={inShown.length}
          sort={sort}
          onFirstRow={() => list.current?.focusRow(0)}
        />
      )}
      {inShown.length > 0 && rows.length === 0 && (
        <div className="pane-empty doc-no-match">
          <p>No documents match “{filter.trim()}”.</p>
          <p>The filter looks in titles, authors, years and types.</p>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => {
              setFilter('');
              document.getElementById(filterId)?.focus();
            }}
          >
            Clear the filter
          </button>
        </div>
      )}
      {rows.length > 0 && (
        <DocumentList
          ref={list}
          rows={rows}
          isSelected={(id) => (present.length > 0 ? present.includes(id) : id === openId)}
          tabStop={tabStop}
          onSelect={select}
          sort={sort}
          onSort={onSort}
        />
      )}
      <TrashSection onInfo={onInfo} onError={onError} />
      {confirmTrash && (
        <TrashConfirm
          title={`Move ${plural(confirmTrash.length, 'document')} to the trash?`}
          message={
            (confirmTrash.length === 1 && documents?.some((d) => d.id === confirmTrash[0])
              ? `“${documentTitle(documents.find((d) => d.id === confirmTrash[0])!)}”`
              : plural(confirmTrash.length, 'document')) +
            ` will leave the library with ${confirmTrash.length === 1 ? 'its' : 'their'} claims, mentions and relations. Restore from the trash, or Ctrl+Z, brings everything back.`
          }
          confirmLabel="Move to trash"
          onAnswer={(yes) => (yes ? void trash(confirmTrash) : setConfirmTrash(null))}
        />
      )}
    </nav>
  );
}
