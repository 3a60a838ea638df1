/**
 * Renderer safety: imported HTML and Markdown are rendered as text structure, never as live HTML.
 * A hostile page (scripts, event handlers, javascript: links, remote images, frames, styles, a meta
 * refresh) and a hostile Markdown file (raw HTML) are imported and opened in the reader: no payload
 * runs, no dialog opens, the page does not navigate, and no request leaves 127.0.0.1.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Request } from '@playwright/test';
import { expect, test } from './fixtures';

// The few browser globals used inside page.evaluate: this file compiles without the DOM library.
declare const document: {
  title: string;
  querySelectorAll(selector: string): {
    length: number;
    forEach(visit: (el: BrowserElement) => void): void;
  };
};
declare const window: { __pwned?: unknown; location: { href: string } };
interface BrowserElement {
  tagName: string;
  getAttributeNames(): string[];
  getAttribute(name: string): string | null;
}

const REMOTE = 'evil.example';
const PAYLOAD = (n: number) => `window.__pwned = ${n}; document.title = 'PWNED ${n}'`;

const HOSTILE_HTML = `<!doctype html>
<html><head>
<title>Hostile page</title>
<meta http-equiv="refresh" content="0;url=http://${REMOTE}/refresh">
<base href="http://${REMOTE}/">
<link rel="stylesheet" href="http://${REMOTE}/style.css">
<style>body { background: url(http://${REMOTE}/bg.png) } @import url(http://${REMOTE}/i.css);</style>
<script>${PAYLOAD(1)}; fetch('http://${REMOTE}/script')</script>
<script src="http://${REMOTE}/remote.js"></script>
</head>
<body onload="${PAYLOAD(2)}">
<h1 onclick="${PAYLOAD(3)}" onmouseover="${PAYLOAD(4)}">Quarterly report</h1>
<p>A visible paragraph with <a href="javascript:${PAYLOAD(5)}">a javascript link</a>,
<a href="relative/page.html">a relative link</a> and <a href="https://example.org/ok">a good link</a>.</p>
<img src="http://${REMOTE}/pixel.png" onerror="${PAYLOAD(6)}" alt="tracking pixel">
<img src="x" onerror="${PAYLOAD(7)}">
<iframe src="http://${REMOTE}/frame" onload="${PAYLOAD(8)}"></iframe>
<svg><script>${PAYLOAD(9)}</script><image href="http://${REMOTE}/svg.png"/></svg>
<object data="http://${REMOTE}/object"></object><embed src="http://${REMOTE}/embed">
<video src="http://${REMOTE}/v.mp4" poster="http://${REMOTE}/poster.png"></video>
<form action="http://${REMOTE}/post"><input autofocus onfocus="${PAYLOAD(10)}" value="x"></form>
<p style="background-image: url(http://${REMOTE}/inline.png)">Styled paragraph text.</p>
<details open ontoggle="${PAYLOAD(11)}"><summary>Summary text</summary>Details text.</details>
</body></html>
`;

const HOSTILE_MARKDOWN = `# Hostile notes

<script>${PAYLOAD(21)}</script>

Plain text <img src="http://${REMOTE}/md.png" onerror="${PAYLOAD(22)}"> and [a javascript link](javascript:alert(1)).

![remote image](http://${REMOTE}/md-image.png)

<iframe src="http://${REMOTE}/md-frame"></iframe>

<a href="javascript:${PAYLOAD(23)}">raw javascript link</a> <b onmouseover="${PAYLOAD(24)}">bold raw html</b>

<style>* { background: url(http://${REMOTE}/md-bg.png) }</style>

[reference link][r] and an autolink <http://${REMOTE}/auto>.

[r]: javascript:alert(3)
`;

function watchNetwork(page: Page) {
  const requests: string[] = [];
  const record = (request: Request) => requests.push(request.url());
  page.context().on('request', record);
  page.on('request', record);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const popups: string[] = [];
  page.on('popup', (popup) => popups.push(popup.url()));
  return { requests, dialogs, popups };
}

async function importFiles(page: Page, files: string[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import files' }).click();
  await (await chooser).setFiles(files);
  const progress = page.getByRole('list', { name: 'Import progress' });
  for (let i = 0; i < files.length; i++) {
    await expect(progress.getByRole('listitem').nth(i)).toContainText('Imported');
  }
}

async function open(page: Page, title: RegExp, visible: string): Promise<void> {
  await page
    .getByRole('listbox', { name: 'Documents' })
    .getByRole('option')
    .filter({ hasText: title })
    .click();
  await expect(page.locator('.rd-doc')).toContainText(visible);
}

/** Nothing in the reader is live: no active elements, no handlers, no script URLs, no remote sources. */
async function expectInertReader(page: Page): Promise<void> {
  const problems = await page.evaluate((remote) => {
    const found: string[] = [];
    const active =
      'script, iframe, frame, object, embed, img, image, video, audio, source, style, link, meta, base, form';
    document
      .querySelectorAll(`.rd-doc ${active.split(', ').join(', .rd-doc ')}`)
      .forEach((el) => found.push(`<${el.tagName}>`));
    document.querySelectorAll('.rd-doc *').forEach((el) => {
      for (const name of el.getAttributeNames()) {
        const value = el.getAttribute(name) ?? '';
        if (/^on/i.test(name)) found.push(`${el.tagName} ${name}=`);
        if (/javascript:/i.test(value)) found.push(`${el.tagName} ${name}="${value}"`);
        if (
          value.includes(remote) &&
          !(el.tagName === 'A' && (name === 'href' || name === 'title'))
        )
          found.push(`${el.tagName} ${name}="${value}"`);
      }
    });
    return found;
  }, REMOTE);
  expect(problems).toEqual([]);
}

test('hostile HTML and Markdown are shown as inert text: no script runs, no request leaves 127.0.0.1', async ({
  page,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'claimdesk-hostile-'));
  try {
    const html = join(dir, 'hostile.html');
    const markdown = join(dir, 'hostile.md');
    writeFileSync(html, HOSTILE_HTML);
    writeFileSync(markdown, HOSTILE_MARKDOWN);
    const watched = watchNetwork(page);
    const appOrigin = new URL(page.url()).origin;

    await importFiles(page, [html, markdown]);
    await open(page, /Hostile page/, 'Quarterly report');
    await expect(page.locator('.rd-doc')).toContainText('a javascript link');
    await expectInertReader(page);
    await open(page, /Hostile notes/, 'bold raw html');
    await expectInertReader(page);
    // give a meta refresh, an onerror or a lazy load every chance to fire
    await page.waitForTimeout(1500);

    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
    expect(await page.title()).not.toMatch(/PWNED/);
    expect(new URL(page.url()).origin).toBe(appOrigin); // the meta refresh did not navigate
    expect(watched.dialogs).toEqual([]);
    expect(watched.popups).toEqual([]);
    const offHost = watched.requests.filter((url) => {
      if (/^(data|blob):/.test(url)) return false;
      try {
        return new URL(url).hostname !== '127.0.0.1';
      } catch {
        return true;
      }
    });
    expect(offHost).toEqual([]);
    expect(watched.requests.length).toBeGreaterThan(0); // the watcher did see the app's own calls
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
