/**
 * Running headers, footers and page numbers: lines at the page edges that belong to the page,
 * not to the text flow. Pure functions over the lines of pdf-layout.ts.
 */
import { push, type Line } from './pdf-layout';

/** How many lines at the top and at the bottom of a page can be running headers or footers. */
const EDGE_LINES = 2;

/**
 * Drop running headers and footers. Among the top and bottom EDGE_LINES lines of each page, a
 * line is running if at about the same height on enough pages there is
 *  - the same text ("Journal of Peace Studies", "Orumbayeva et al."), or
 *  - a line with a number that follows the page number ("12", "Page 3 of 40", "3/46",
 *    "Chapter 2: Methods 17"), however the rest of it changes from chapter to chapter.
 * "Chapter 3" and "Chapter 4" at the top of two pages are headings: their numbers do not follow
 * the page numbers. A lone page number at the very top or bottom of a page goes too.
 */
export function dropRunningLines(pages: readonly Line[][], labels: readonly string[]): Line[][] {
  const minPages = pages.length <= 3 ? 2 : 3;
  const groups = new Map<string, Occurrence[]>();
  const drop = new Set<Line>();
  pages.forEach((lines, page) => {
    const byHeight = [...lines].sort((a, b) => b.y - a.y);
    const top = byHeight.slice(0, EDGE_LINES);
    const bottom = byHeight.slice(Math.max(EDGE_LINES, byHeight.length - EDGE_LINES));
    for (const [zone, edge] of [
      ['top', top],
      ['bottom', bottom],
    ] as const) {
      for (const line of edge) {
        if (!/[\p{L}\p{N}]/u.test(line.text)) continue; // rules like "---" are content
        push(groups, `${zone} text ${line.text}`, { page, line });
        const numbers = /^[ivxlcdm]+$/i.test(line.text)
          ? [romanValue(line.text)]
          : (line.text.match(/\d{1,5}/g) ?? []).map(Number);
        // the page number is the i-th number from the start or from the end ("© 2019 … 3/46")
        numbers
          .slice(0, 4)
          .forEach((n, i) => push(groups, `${zone} #${i} ${n - page}`, { page, line }));
        numbers.slice(-4).forEach((n, i, last) => {
          push(groups, `${zone} #-${last.length - i} ${n - page}`, { page, line });
        });
      }
      const outer = edge[zone === 'top' ? 0 : edge.length - 1];
      if (outer && isPageNumber(outer.text, labels[page] ?? String(page + 1), page)) {
        drop.add(outer);
      }
    }
  });
  for (const list of groups.values()) {
    if (countPages(list) < minPages) continue;
    // running lines sit at the same height: keep the occurrences near the median height
    const ys = list.map((o) => o.line.y).sort((a, b) => a - b);
    const median = ys[ys.length >> 1]!;
    const near = list.filter((o) => Math.abs(o.line.y - median) <= Math.max(3, o.line.size / 2));
    if (countPages(near) >= minPages) for (const o of near) drop.add(o.line);
  }
  return pages.map((lines) => lines.filter((line) => !drop.has(line)));
}

interface Occurrence {
  page: number;
  line: Line;
}

const countPages = (list: readonly Occurrence[]) => new Set(list.map((o) => o.page)).size;

/** "12", "- 12 -", "Page 12", "Page 12 of 40", "xii", when it is this page's number or label. */
function isPageNumber(text: string, label: string, page: number): boolean {
  if (text === label) return true;
  const m = /^(?:page\s+)?[-–—]?\s*(\d{1,5})\s*[-–—]?(?:\s*(?:of|\/)\s*\d{1,5})?$/i.exec(text);
  return m !== null && (m[1] === label || Number(m[1]) === page + 1);
}

function romanValue(text: string): number {
  const digit: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };
  const values = [...text.toLowerCase()].map((c) => digit[c] ?? 0);
  return values.reduce((sum, v, i) => sum + (v < (values[i + 1] ?? 0) ? -v : v), 0);
}
