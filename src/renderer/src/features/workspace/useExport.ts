import { useCallback, useRef, useState } from 'react';
import { describeProgress, saveFile } from '../../lib/download';
import { errorMessage } from '../shell/useToasts';
import type { ExportRequest } from './ExportMenu';

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
        const fileName = await saveFile('export.claims', request, (progress) =>
          onStatus(`Exporting the claims: ${describeProgress(progress)}`),
        );
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
