import type { RefObject } from 'react';
import { useActions, useDefaultScopes } from '../../actions/context';
import { taggingActions } from '../claims/claimActions';
import type { LibraryHandle } from '../library/LibraryPane';
import type { ReaderHandle } from '../reader/Reader';
import type { SearchBoxHandle } from '../search/SearchBox';
import type { AppDialog } from './AppDialogs';
import { globalActions, type View } from './globalActions';
import { useDesktopCommands } from './useDesktopCommands';

interface Options {
  view: View;
  setView: (update: (v: View) => View) => void;
  searchRef: RefObject<SearchBoxHandle | null>;
  libraryRef: RefObject<LibraryHandle | null>;
  readerRef: RefObject<ReaderHandle | null>;
  exportClaims: () => void;
  undo: () => void;
  redo: () => void;
  setDialog: (dialog: AppDialog) => void;
  /** Escape with nothing selected in the text lets go of the selected claim */
  deselectClaim: () => void;
  tag: (mode: 'claim' | 'mention') => void;
}

/**
 * The workbench's own actions (views, search, files, history, help, tagging) in the one registry,
 * the scope keys fall back to when the focus is on nothing, and the desktop menu's commands.
 */
export function useWorkbenchActions(o: Options): void {
  useActions([
    ...globalActions({
      setView: o.setView,
      focusSearch: () => o.searchRef.current?.focus(),
      pickFiles: () => o.libraryRef.current?.pickFiles(),
      exportClaims: o.exportClaims,
      undo: o.undo,
      redo: o.redo,
      openHelp: () => o.setDialog('help'),
      openPalette: () => o.setDialog('palette'),
      escape: () => {
        if (window.getSelection()?.isCollapsed === false) o.readerRef.current?.clearSelection();
        else o.deselectClaim();
      },
    }),
    ...taggingActions(o.tag),
  ]);
  // a click in the text leaves the focus on the body: keys then mean the document in front
  useDefaultScopes(o.view === 'reader' ? ['document', 'reader'] : [o.view]);
  useDesktopCommands();
}
