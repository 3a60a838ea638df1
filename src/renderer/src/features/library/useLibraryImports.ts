import { useState } from 'react';
import type { DocumentSummary } from '../../../../shared/model';
import { invoke } from '../../api';
import { documentTitle, plural } from '../../lib/format';
import type { EntityStore } from '../entities/store';
import type { useWorkspace } from '../shell/useWorkspace';
import { useImportQueue } from './useImportQueue';

interface PasswordPrompt {
  fileName: string;
  wrongBefore: boolean;
  answer: (password: string | null) => void;
}

interface Options {
  ws: ReturnType<typeof useWorkspace>;
  entities: EntityStore;
  info: (message: string, action?: { label: string; run: () => void }) => void;
  /** "Review" on the suggestions toast */
  onReviewSuggestions: () => void;
}

/** Imports (files, folders, drops) with their password prompts, opening what was imported. */
export function useLibraryImports({ ws, entities, info, onReviewSuggestions }: Options) {
  const [prompt, setPrompt] = useState<PasswordPrompt | null>(null);

  // a new document is scanned for the names of known entities: say what was found
  const reportSuggestions = async (doc: DocumentSummary) => {
    entities.changed();
    try {
      const { total } = await invoke('mentions.suggest', { documentId: doc.id, limit: 1 });
      if (total === 0) return;
      info(`${plural(total, 'possible mention')} of known entities in “${documentTitle(doc)}”.`, {
        label: 'Review',
        run: onReviewSuggestions,
      });
    } catch {
      // the badge on Entities still counts them
    }
  };

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
  return { imports, prompt };
}
