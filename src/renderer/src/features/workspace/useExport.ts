import { useCallback, useRef, useState } from 'react';
import { describeProgress, saveFile } from '../../lib/download';
import { errorMessage } from '../shell/useToasts';
import { isBibliography, type ExportRequest } from './ExportMenu';

/** Exports claims to a file, one export at a time, with progress on the status line. */
export function useExport(onStatus: (message: string) => void, onError: (message: string) => void) {
  const [exporting, setExporting] = useState(false);
  const busy = useRef(false);
  const exportClaims = useCallback(
    async (request: ExportRequest = { format: 'json' }) => {
      if (busy.current) return;
      busy.current = true;
      setExporting(true);
      try {
        const progress = (p: Parameters<typeof describeProgress>[0]) =>
          onStatus(`Exporting the claims: ${describeProgress(p)}`);
        const { format, documentId } = request;
        const fileName = isBibliography(format)
          ? await saveFile('export.bibliography', { format, documentId }, progress)
          : await saveFile('export.claims', { format, documentId }, progress);
        onStatus(`Exported ${fileName}`);
      } catch (e) {
        onError(errorMessage(e, 'export the claims'));
      } finally {
        busy.current = false;
        setExporting(false);
      }
    },
    [onStatus, onError],
  );
  return { exporting, exportClaims };
}
