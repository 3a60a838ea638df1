/**
 * Plain text: paragraphs are separated by blank lines; single newlines inside a paragraph stay as
 * hard line breaks ("\n"). Trailing whitespace is trimmed from every line and leading whitespace
 * from every paragraph; nothing else in the text is changed (no space collapsing), so quotes match
 * the file.
 *
 * Metadata: the title is the first non-empty line (shortened to ~120 characters). A file that
 * starts with a `date YYYY-MM-DD` line (as some scraped corpora do) gets that publishedDate; the
 * date stays in the canonical text, but not in the title.
 */
import type { Block, DocumentMeta, ImportedText } from '../../shared/model';
import { decodeText } from './decode';
import { ImportError } from './errors';
import { shortTitle } from './structure';

const DATE_PREFIX = /^\s*date[:\s]\s*(\d{4}-\d{2}-\d{2})\b[ \t]*/i;

export function importText(bytes: Uint8Array): ImportedText {
  return importPlainString(decodeText(bytes));
}

/** The plain-text importer on an already decoded string ("\n" line ends). */
export function importPlainString(source: string): ImportedText {
  const paragraphs: string[] = [];
  let current: string[] = [];
  for (const raw of source.split('\n')) {
    const line = raw.trimEnd();
    if (line === '') {
      if (current.length) paragraphs.push(current.join('\n'));
      current = [];
    } else {
      current.push(current.length ? line : line.trimStart());
    }
  }
  if (current.length) paragraphs.push(current.join('\n'));
  if (paragraphs.length === 0) {
    throw new ImportError(
      'empty',
      'This file contains only whitespace; there is no text to import.',
    );
  }

  const blocks: Block[] = [];
  let text = '';
  for (const p of paragraphs) {
    if (text) text += '\n\n';
    blocks.push({ type: 'paragraph', start: text.length, end: text.length + p.length });
    text += p;
  }

  const meta: Partial<DocumentMeta> = {};
  const first = paragraphs[0] as string;
  const date = DATE_PREFIX.exec(first);
  let titleSource = first;
  if (date) {
    meta.publishedDate = date[1] as string;
    titleSource = first.slice(date[0].length);
    if (titleSource.trim() === '') titleSource = paragraphs[1] ?? '';
  }
  const firstLine = titleSource.split('\n').find((l) => l.trim() !== '') ?? '';
  const title = shortTitle(firstLine);
  if (title) meta.title = title;

  return { text, blocks, marks: [], pages: [], meta, warnings: [] };
}
