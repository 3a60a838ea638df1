import { useEffect, useRef } from 'react';

/**
 * Keeps the open document's entity mentions current: they load with the document (so the reader
 * draws them from the start and a passage just revealed is not rebuilt under the eye), and are read
 * again whenever entities or mentions may have changed (`version` from the entity store: accept,
 * merge, rename, delete, undo...).
 */
export function useMentionsRefresh(version: number, reload: () => Promise<void>): void {
  const first = useRef(true);
  useEffect(() => {
    // the first version is the one the document was opened with
    if (first.current) {
      first.current = false;
      return;
    }
    void reload();
  }, [version, reload]);
}
