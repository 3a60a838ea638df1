import type { Evidence, ExportModel } from './index';
import type { Block, Inline, ListBlock, Style } from './ir';

/**
 * A standalone HTML5 page: no script, no external resource, every text escaped. Claims are quotes
 * with a superscript note reference linking to the note (and back), as in DPUB-ARIA footnotes.
 */
export function writeHtml(model: ExportModel): string {
  const body: string[] = [`<h1>${esc(model.title)}</h1>`, ...model.blocks.map(blockHtml)];
  if (model.notes.length > 0) {
    body.push(
      '<section class="footnotes" role="doc-endnotes">',
      '<h2>Notes</h2>',
      '<ol>',
      ...model.notes.map(
        (n, i) =>
          `<li id="fn${i + 1}" data-claim="${esc(n.claimId)}">${esc(n.citation)}${
            n.deleted ? ' <em>(deleted claim)</em>' : ''
          } <a href="#fnref${i + 1}" role="doc-backlink" aria-label="Back to the text">↩</a></li>`,
      ),
      '</ol>',
      '</section>',
    );
  }
  if (model.bibliography.length > 0) {
    body.push(
      '<section class="bibliography" role="doc-bibliography">',
      '<h2>Bibliography</h2>',
      '<ul>',
      ...model.bibliography.map((b) => `<li>${esc(b)}</li>`),
      '</ul>',
      '</section>',
    );
  }
  if (model.appendix) {
    body.push(
      '<section class="evidence" role="doc-appendix">',
      '<h2>Evidence</h2>',
      ...model.appendix.map(evidenceHtml),
      '</section>',
    );
  }
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="generator" content="Claimdesk">
<title>${esc(model.title)}</title>
<style>
body { font-family: Georgia, serif; max-width: 44em; margin: 2em auto; padding: 0 1em; line-height: 1.5; }
blockquote { border-left: 3px solid #999; margin-left: 0; padding-left: 1em; color: #333; }
table { border-collapse: collapse; } td, th { border: 1px solid #999; padding: 0.25em 0.5em; }
.claim { background: #fff6d5; } .footnotes, .bibliography, .evidence { font-size: 0.9em; }
</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
}

function evidenceHtml(e: Evidence): string {
  return [
    `<article class="evidence-item" data-claim="${esc(e.claimId)}">`,
    `<h3>${e.notes.map((n) => `[${n}]`).join(' ')} ${esc(e.statement)}${e.deleted ? ' <em>(deleted claim)</em>' : ''}</h3>`,
    `<blockquote>${esc(e.quote)}</blockquote>`,
    '<dl>',
    `<dt>Source</dt><dd>${esc(e.source)}</dd>`,
    `<dt>Pages</dt><dd>${e.pages ? esc(e.pages) : '—'}</dd>`,
    `<dt>File SHA-256</dt><dd>${e.sha256 ? `<code>${e.sha256}</code>` : '— (the document is no longer in the workspace)'}</dd>`,
    `<dt>Claim</dt><dd><code>${esc(e.claimId)}</code></dd>`,
    '</dl>',
    '</article>',
  ].join('\n');
}

function blockHtml(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p>${inlinesHtml(block.inlines)}</p>`;
    case 'heading':
      return `<h${block.level}>${inlinesHtml(block.inlines)}</h${block.level}>`;
    case 'quote':
      return `<blockquote><p>${inlinesHtml(block.inlines)}</p></blockquote>`;
    case 'code':
      return `<pre><code>${esc(block.text)}</code></pre>`;
    case 'rule':
      return '<hr>';
    case 'list':
      return listHtml(block);
    case 'table':
      return `<table>\n${block.rows
        .map((row) => {
          const tag = row.header ? 'th' : 'td';
          return `<tr>${row.cells.map((c) => `<${tag}>${inlinesHtml(c)}</${tag}>`).join('')}</tr>`;
        })
        .join('\n')}\n</table>`;
  }
}

function listHtml(list: ListBlock): string {
  const tag = list.ordered ? 'ol' : 'ul';
  const start = list.ordered && list.start !== 1 ? ` start="${list.start}"` : '';
  const items = list.items.map(
    (item) => `<li>${inlinesHtml(item.inlines)}${item.lists.map(listHtml).join('')}</li>`,
  );
  return `<${tag}${start}>\n${items.join('\n')}\n</${tag}>`;
}

function inlinesHtml(runs: Inline[]): string {
  return runs
    .map((r) => {
      switch (r.kind) {
        case 'text':
          return styled(esc(r.text), r.style);
        case 'mention':
          return `<span class="mention">${esc(r.text)}</span>`;
        case 'break':
          return '<br>';
        case 'link':
          return `<a href="${esc(r.url)}">${inlinesHtml(r.children)}</a>`;
        case 'claim':
          return `<q class="claim">${esc(r.quote)}</q><sup id="fnref${r.note}"><a href="#fn${r.note}" role="doc-noteref">${r.note}</a></sup>`;
      }
    })
    .join('');
}

function styled(html: string, style: Style): string {
  let s = html;
  if (style.code) s = `<code>${s}</code>`;
  if (style.strike) s = `<s>${s}</s>`;
  if (style.underline) s = `<u>${s}</u>`;
  if (style.italic) s = `<em>${s}</em>`;
  if (style.bold) s = `<strong>${s}</strong>`;
  if (style.sup) s = `<sup>${s}</sup>`;
  if (style.sub) s = `<sub>${s}</sub>`;
  return s;
}

export function esc(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}
