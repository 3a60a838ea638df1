import type { Evidence, ExportModel } from './index';
import type { Block, Inline, ListBlock, Style } from './ir';

/**
 * CommonMark with GFM footnotes and tables (what Pandoc, GitHub and Obsidian read): each embedded
 * claim is its quote followed by a footnote reference `[^n]`, the notes hold the citations, then a
 * bibliography and, if asked, the evidence appendix.
 */
export function writeMarkdown(model: ExportModel): string {
  const out: string[] = [`# ${escapeText(model.title)}`];
  for (const block of model.blocks) out.push(blockMd(block));
  if (model.notes.length > 0) {
    out.push(
      model.notes
        .map(
          (n, i) => `[^${i + 1}]: ${escapeText(n.citation)}${n.deleted ? ' (deleted claim)' : ''}`,
        )
        .join('\n'),
    );
  }
  if (model.bibliography.length > 0) {
    out.push('## Bibliography', model.bibliography.map((b) => `- ${escapeText(b)}`).join('\n'));
  }
  if (model.appendix) out.push('## Evidence', ...model.appendix.map(evidenceMd));
  return `${out.filter((s) => s !== '').join('\n\n')}\n`;
}

function evidenceMd(e: Evidence): string {
  const lines = [
    `### ${e.notes.map((n) => `[${n}]`).join(' ')} ${escapeText(e.statement)}${e.deleted ? ' (deleted claim)' : ''}`,
    ...quoteLines(escapeText(e.quote)),
    '',
    `- Source: ${escapeText(e.source)}`,
    `- Pages: ${e.pages ?? '—'}`,
    `- File SHA-256: ${e.sha256 ? `\`${e.sha256}\`` : '— (the document is no longer in the workspace)'}`,
    `- Claim: \`${e.claimId}\``,
  ];
  return lines.join('\n');
}

const quoteLines = (text: string) => text.split('\n').map((l) => `> ${l}`);

function blockMd(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return inlinesMd(block.inlines);
    case 'heading':
      return `${'#'.repeat(block.level)} ${inlinesMd(block.inlines)}`;
    case 'quote':
      return quoteLines(inlinesMd(block.inlines)).join('\n');
    case 'code': {
      const fence = '`'.repeat(Math.max(3, longestRun(block.text, '`') + 1));
      return `${fence}\n${block.text}\n${fence}`;
    }
    case 'rule':
      return '---';
    case 'list':
      return listMd(block, '');
    case 'table': {
      if (block.rows.length === 0) return '';
      const width = Math.max(...block.rows.map((r) => r.cells.length));
      const row = (cells: Inline[][]) =>
        `| ${Array.from({ length: width }, (_, i) => cellMd(cells[i] ?? [])).join(' | ')} |`;
      const [first, ...rest] = block.rows;
      return [
        row(first!.cells),
        `|${' --- |'.repeat(width)}`,
        ...rest.map((r) => row(r.cells)),
      ].join('\n');
    }
  }
}

const cellMd = (cells: Inline[]) =>
  inlinesMd(cells.map((c) => (c.kind === 'break' ? { kind: 'text', text: ' ', style: {} } : c)))
    .replaceAll('|', '\\|')
    .replaceAll('\n', ' ');

function listMd(list: ListBlock, indent: string): string {
  return list.items
    .map((item, i) => {
      const marker = list.ordered ? `${list.start + i}.` : '-';
      const pad = `${indent}${' '.repeat(marker.length + 1)}`;
      const text = inlinesMd(item.inlines).replaceAll('\n', `\n${pad}`);
      const nested = item.lists.map((l) => `\n${listMd(l, pad)}`).join('');
      return `${indent}${marker} ${text}${nested}`;
    })
    .join('\n');
}

function inlinesMd(runs: Inline[]): string {
  return runs
    .map((r) => {
      switch (r.kind) {
        case 'text':
          return styled(r.text, r.style);
        case 'mention':
          return escapeText(r.text);
        case 'break':
          return '\\\n';
        case 'link':
          return `[${inlinesMd(r.children)}](<${r.url.replaceAll('>', '%3E')}>)`;
        case 'claim':
          return `“${escapeText(r.quote)}”[^${r.note}]`;
      }
    })
    .join('');
}

function styled(text: string, style: Style): string {
  if (text === '') return '';
  if (style.code) {
    const ticks = '`'.repeat(longestRun(text, '`') + 1);
    return `${ticks}${text.startsWith('`') ? ' ' : ''}${text}${text.endsWith('`') ? ' ' : ''}${ticks}`;
  }
  // emphasis markers must hug the text: keep the surrounding spaces outside them
  const [, lead, core, trail] = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
  if (core === '') return text;
  let s = escapeText(core!);
  if (style.strike) s = `~~${s}~~`;
  if (style.italic) s = `*${s}*`;
  if (style.bold) s = `**${s}**`;
  if (style.sup) s = `<sup>${s}</sup>`;
  if (style.sub) s = `<sub>${s}</sub>`;
  return `${lead}${s}${trail}`;
}

/**
 * Backslash-escapes what Markdown would read as syntax: emphasis, code, links, HTML, table pipes
 * and strikethrough anywhere, and at a line's start what would make it a heading, quote or list.
 */
export function escapeText(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~]/g, '\\$&')
    .replace(/^(\s*)(#|[-+]|\d+[.)])(?=\s|$)/gm, (_m, space: string, marker: string) =>
      marker === '#' ? `${space}\\#` : `${space}${marker.replace(/[-+.)]/, '\\$&')}`,
    );
}

function longestRun(text: string, char: string): number {
  let best = 0;
  let run = 0;
  for (const c of text) {
    run = c === char ? run + 1 : 0;
    best = Math.max(best, run);
  }
  return best;
}
