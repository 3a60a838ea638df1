import { useEffect, useRef } from 'react';
import { isDesktop } from '../../api';

export interface KeyActions {
  createClaim: () => void;
  deleteSelectedClaim: () => void;
  undo: () => void;
  redo: () => void;
  help: () => void;
  pickFiles: () => void;
  exportClaims: () => void;
  escape: () => void;
  focusSearch: () => void;
  toggleTable: () => void;
  /** E: tag the selection as an entity mention */
  tagMention: () => void;
  /** G: the entities view (again: back to the reader) */
  showEntities: () => void;
  /** R: the reader */
  showReader: () => void;
  /** L: link the selected claim to another */
  linkClaim: () => void;
  /** B, Y, N: the evidence board, the timeline, the network */
  showAnalysis: (view: 'board' | 'timeline' | 'network') => void;
}

const isMac = /Mac|iPhone|iPad/.test(navigator.platform);

/** Typing in a field must never trigger a shortcut (a "c" in a note is a letter). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

/** The app's keyboard shortcuts (listed in HelpDialog), registered once on the window. */
export function useGlobalKeys(actions: KeyActions): void {
  const ref = useRef(actions);
  ref.current = actions;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      // a modal <dialog> handles its own keys (Escape closes it)
      if (document.querySelector('dialog[open]')) return;
      const a = ref.current;
      const mod = isMac ? e.metaKey : e.ctrlKey;
      const key = e.key.toLowerCase();
      const typing = isTypingTarget(e.target);

      if (mod && !e.altKey && (key === 'z' || key === 'y')) {
        if (typing) return; // fields keep their own text undo
        e.preventDefault();
        if (key === 'y' || e.shiftKey) a.redo();
        else a.undo();
        return;
      }
      // on the desktop these are menu accelerators and arrive as menu commands instead
      if (mod && !e.altKey && !e.shiftKey && !isDesktop() && (key === 'o' || key === 'e')) {
        e.preventDefault();
        if (key === 'o') a.pickFiles();
        else a.exportClaims();
        return;
      }
      // Ctrl+K / ⌘K reaches the search box from anywhere, even from another field
      if (mod && !e.altKey && !e.shiftKey && key === 'k') {
        e.preventDefault();
        a.focusSearch();
        return;
      }
      if (typing || e.ctrlKey || e.metaKey || e.altKey) return;
      if (key === 'c' && !e.shiftKey) {
        e.preventDefault();
        a.createClaim();
      } else if (e.key === '?' && !isDesktop()) {
        e.preventDefault();
        a.help();
      } else if (e.key === 'Delete' || (isMac && e.key === 'Backspace')) {
        e.preventDefault();
        a.deleteSelectedClaim();
      } else if (e.key === 'Escape') {
        a.escape();
      } else if (e.key === '/') {
        e.preventDefault();
        a.focusSearch();
      } else if (key === 't' && !e.shiftKey) {
        e.preventDefault();
        a.toggleTable();
      } else if (key === 'e' && !e.shiftKey) {
        e.preventDefault();
        a.tagMention();
      } else if (key === 'g' && !e.shiftKey) {
        e.preventDefault();
        a.showEntities();
      } else if (key === 'r' && !e.shiftKey) {
        e.preventDefault();
        a.showReader();
      } else if (key === 'l' && !e.shiftKey) {
        e.preventDefault();
        a.linkClaim();
      } else if ((key === 'b' || key === 'y' || key === 'n') && !e.shiftKey) {
        e.preventDefault();
        a.showAnalysis(key === 'b' ? 'board' : key === 'y' ? 'timeline' : 'network');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
