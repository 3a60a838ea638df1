/**
 * Plain text: paragraphs are separated by blank lines; single newlines inside a paragraph stay as
 * hard line breaks ("\n"). Trailing whitespace is trimmed from every line and leading whitespace
 * from every paragraph; nothing else in the text is changed (no space collapsing), so quotes match
 * the file.
 *
 * Metadata: the title is the first heading-like line among the first paragraphs (a line of its own
 * that does not read as a sentence), whole — never cut short; a text that starts with prose has no
 * title of its own (the file name stands in). A file that starts with a `date YYYY-MM-DD` line (as
 * some scraped corpora do) gets that publishedDate; the date stays in the canonical text, but not
 * in the title.
 */
import type { Block, DocumentMeta, ImportedText } from '../../shared/model';
import { decodeText } from './decode';
import { ImportError } from './errors';
import { shortTitle } from './structure';

const DATE_PREFIX = /^\s*date[:\s]\s*(\d{4}-\d{2}-\d{2})\b[ \t]*/i;

/** A title is looked for in this many first paragraphs (a photo caption may come before it). */
const TITLE_WITHIN = 5;

/**
 * A paragraph that is one heading-like line, as its title text (Markdown marks around it removed),
 * or null: a sentence (ending in . , ; :), a very long line or a single word is not a title.
 */
export function headingLine(paragraph: string): string | null {
  const trimmed = paragraph.trim();
  if (trimmed === '' || trimmed.includes('\n')) return null;
  const line = trimmed
    .replace(/^#{1,6}\s+/, '')
    .replace(/^([*_]{1,3})(.*)\1$/, '$2')
    .trim();
  if (line.length < 3 || line.length > 200 || !/\s/.test(line)) return null;
  if (!/^[\p{Lu}\p{N}"“‘'«]/u.test(line)) return null;
  if (/[.,;:]$/.test(line)) return null;
  return shortTitle(line, 200) || null;
}

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
  const candidates = [...paragraphs.slice(0, TITLE_WITHIN)];
  if (date) {
    meta.publishedDate = date[1] as string;
    candidates[0] = first.slice(date[0].length);
  }
  const title = candidates.map(headingLine).find(Boolean);
  if (title) meta.title = title;

  return { text, blocks, marks: [], pages: [], meta, warnings: [] };
}
