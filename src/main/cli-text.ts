import { codePointConverter } from '../shared/anchor';
import type { DocumentContent } from '../shared/model';

/**
 * What `claimdesk text` writes. Without --pages: exactly the canonical text, so offsets counted in
 * the output are the offsets the exports give; a newline is added only on a terminal (where the
 * prompt would otherwise follow the last line). With --pages: one JSON line per page, with its
 * index, label, start and end in Unicode code points (as every export counts), and its text; the
 * text between pages (their separators) belongs to no page. A document without pages is one line.
 */
export function documentTextOutput(
  content: Pick<DocumentContent, 'text' | 'pages'>,
  options: { pages: boolean; terminal: boolean },
): string {
  const { text } = content;
  if (!options.pages) return options.terminal && !text.endsWith('\n') ? `${text}\n` : text;
  const points = codePointConverter(text);
  const pages =
    content.pages.length > 0
      ? content.pages
      : [{ index: null, label: null, start: 0, end: text.length }];
  return pages
    .map(
      (p) =>
        `${JSON.stringify({
          index: p.index,
          label: p.label,
          start: points(p.start),
          end: points(p.end),
          text: text.slice(p.start, p.end),
        })}\n`,
    )
    .join('');
}
