/**
 * What the page view asks the backend for: the original PDF bytes and, per page, how the text
 * items pdf.js finds there map to canonical text. Page maps are small and asked for once per page
 * and document, as pages come into view.
 */
import type { DocumentId } from '../../../../shared/model';
import type { OcrPage } from '../../../../shared/ocr';
import { invoke } from '../../api';
import { pageItemsToUnits } from '../../offsets';
import type { ItemMap } from './pageMap';

export async function fetchPdfBytes(id: DocumentId): Promise<Uint8Array> {
  const file = await invoke('documents.file', { id });
  return file.bytes;
}

export interface PageMaps {
  get(pageIndex: number): Promise<ItemMap>;
  /** the map of a page if it has arrived already (synchronous, for selection mapping) */
  peek(pageIndex: number): ItemMap | undefined;
  /** a page OCR read: its words are its text items (after `get` resolved) */
  ocr(pageIndex: number): OcrPage | undefined;
}

/** `text`: the document's canonical text, to bring the items' code points into UTF-16 */
export function pageMaps(id: DocumentId, text: string): PageMaps {
  const pending = new Map<number, Promise<ItemMap>>();
  const done = new Map<number, ItemMap>();
  const scanned = new Map<number, OcrPage>();
  return {
    get(pageIndex) {
      let p = pending.get(pageIndex);
      if (!p) {
        p = invoke('documents.pageMap', { id, pageIndex }).then(({ items, ocr }) => {
          if (ocr) scanned.set(pageIndex, ocr);
          const units = pageItemsToUnits(items, text);
          done.set(pageIndex, units);
          return units;
        });
        // a failure is not cached: the next time the page is shown asks again
        p.catch(() => pending.delete(pageIndex));
        pending.set(pageIndex, p);
      }
      return p;
    },
    peek: (pageIndex) => done.get(pageIndex),
    ocr: (pageIndex) => scanned.get(pageIndex),
  };
}
