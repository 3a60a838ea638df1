/**
 * Page item maps: for every pdf.js text item of a page, where its text landed in the canonical
 * text, so that the page view (pdf.js's text layer in the renderer) can turn a selection on the
 * page into canonical offsets and highlight claims on the page. Pure functions over the lines of
 * pdf-layout.ts and the placement of pdf-paragraphs.ts.
 *
 * Item i is the i-th entry of `page.getTextContent()` (pdf.js defaults: no marked content,
 * normalization on), which is also `textLayer.textDivs[i]` of pdf.js's TextLayer given that
 * content. Its range is [start, end) in UTF-16 offsets: character k of the item maps to
 * start + min(k, end - start). That is exact when the item's text is in the canonical text
 * verbatim (most items); it is approximate where the importer changed the item's text: leading or
 * repeated spaces removed (the range starts at the first kept character), a line-end hyphen
 * removed by hyphen repair ("extrem-" → "extrem": the hyphen maps to the end), and, rarely, an item
 * a late-drawn superscript was inserted into (the range covers both pieces and the superscript).
 *
 * null: the item has no visible text (empty or whitespace only), or its line was dropped as a
 * running header, footer or page number.
 */
import type { Line } from './pdf-layout';

export type ItemRange = readonly [number, number];

export function itemMaps(
  pages: readonly (readonly Line[])[],
  placed: readonly (readonly { start: number; end: number }[])[],
  itemCounts: readonly number[],
): (ItemRange | null)[][] {
  return pages.map((lines, page) => {
    const starts = new Float64Array(itemCounts[page] ?? 0).fill(Infinity);
    const ends = new Float64Array(starts.length).fill(-Infinity);
    lines.forEach((line, i) => {
      const { start, end } = placed[page]![i]!;
      const sources = line.sources ?? [];
      for (let j = 0; j < sources.length; j += 3) {
        const item = sources[j]!;
        if (item >= starts.length) continue;
        // a repaired hyphen is cut from the end of the line: what was after it maps to the end
        const s = Math.min(start + sources[j + 1]!, end);
        const e = Math.min(start + sources[j + 2]!, end);
        if (s < starts[item]!) starts[item] = s;
        if (e > ends[item]!) ends[item] = e;
      }
    });
    return Array.from(starts, (s, item) => (s === Infinity ? null : ([s, ends[item]!] as const)));
  });
}
