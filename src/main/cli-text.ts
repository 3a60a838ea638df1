import { codePointConverter } from '../shared/anchor';
import { terminalSafe } from '../shared/clean-text';
import type { DocumentContent } from '../shared/model';

/**
 * What `claimdesk text` writes. Without --pages: exactly the canonical text, so offsets counted in
 * the output are the offsets the exports give. On a terminal, control characters and escape
 * sequences are removed (terminalSafe) and a newline ends the text (where the prompt would
 * otherwise follow the last line). With --pages: one JSON line per page, with its index, label,
 * start and end in Unicode code points (as every export counts), and its text, escaped inside the
 * JSON string; the text between pages (their separators) belongs to no page. A document without
 * pages is one line.
 */
export function documentTextOutput(
  content: Pick<DocumentContent, 'text' | 'pages'>,
  options: { pages: boolean; terminal: boolean },
): string {
  const { text } = content;
  if (!options.pages) {
    if (!options.terminal) return text;
    const shown = terminalSafe(text);
    return shown.endsWith('\n') ? shown : `${shown}\n`;
  }
  const points = codePointConverter(text);
  const pages =
    content.pages.length > 0
      ? content.pages
      : [{ index: null, label: null, start: 0, end: text.length }];
  // JSON escapes C0 controls but not DEL and the C1 range, which a terminal may obey (U+009B is CSI)
  const json = (value: unknown) =>
    options.terminal
      ? JSON.stringify(value).replace(
          /[\u007f-\u009f]/g,
          (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
        )
      : JSON.stringify(value);
  return pages
    .map(
      (p) =>
        `${json({
          index: p.index,
          label: p.label,
          start: points(p.start),
          end: points(p.end),
          text: text.slice(p.start, p.end),
        })}\n`,
    )
    .join('');
}
