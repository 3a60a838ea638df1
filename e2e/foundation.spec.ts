/**
 * The core loop a researcher repeats all day: import a source, read it, mark passages as claims
 * (overlapping ones too), come back later and find them, change one's mind (delete, undo), export.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { claimItems } from './app';
import { expect, rpc, test } from './fixtures';
import { selectText } from './reader';

// The few browser globals used inside page.evaluate: this file compiles without the DOM library.
declare const window: { location: { hash: string } };
interface BrowserNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: { forEach(visit: (child: BrowserNode) => void): void };
}

async function importAndOpen(page: Page, file: string, title: RegExp): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import files' }).click();
  await (await chooser).setFiles(file);
  await expect(page.getByRole('list', { name: 'Import progress' })).toContainText('Imported');
  await page
    .getByRole('listbox', { name: 'Documents' })
    .getByRole('option')
    .filter({ hasText: title })
    .click();
  await expect(page.locator('.rd-doc [data-start]').first()).toBeVisible();
}

async function createClaim(page: Page, from: string, to = from): Promise<string> {
  const selected = await selectText(page, from, to);
  const before = await claimItems(page).count();
  // C opens the tagging popover at the selection; Enter with nothing typed saves the claim
  await page.keyboard.press('c');
  await expect(page.getByRole('dialog', { name: 'Tag claim' })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(claimItems(page)).toHaveCount(before + 1);
  return selected;
}

async function exportJson(page: Page): Promise<ExportedClaims> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export claims' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.json$/);
  return JSON.parse(await readFile(await file.path(), 'utf8')) as ExportedClaims;
}

interface ExportedClaims {
  documents: { id: string; title: string }[];
  entities: unknown[];
  claims: {
    id: string;
    documentId: string;
    quote: { exact: string; prefix: string; suffix: string };
    position: { start: number; end: number };
  }[];
}

test('import, overlapping claims, reload, delete and undo, export', async ({
  page,
  fixturesDir,
}) => {
  await importAndOpen(page, join(fixturesDir, 'sample.txt'), /Khujand/);

  const first = await createClaim(page, 'Officials reported at least 27 deaths');
  const second = await createClaim(page, 'at least 27 deaths', 'closer to 50');
  expect(first).toBe('Officials reported at least 27 deaths');
  expect(second).toBe('at least 27 deaths; local residents said the toll was closer to 50');

  // both claims are listed and highlighted; where they overlap, one highlight carries both
  await expect(claimItems(page).filter({ hasText: first })).toHaveCount(1);
  await expect(claimItems(page).filter({ hasText: second })).toHaveCount(1);
  await expect(page.locator('mark[data-depth="2"]')).toHaveText('at least 27 deaths');
  await expect(page.locator('mark[data-claims]')).toHaveText([
    'Officials reported ',
    'at least 27 deaths',
    '; local residents said the toll was closer to 50',
  ]);

  // clicking a highlight selects its claim in the panel
  await page.getByText('Officials reported', { exact: true }).click();
  await expect(claimItems(page).filter({ hasText: first })).toHaveAttribute(
    'aria-selected',
    'true',
  );

  // everything is still there after a reload (the backend owns the data)
  await page.reload();
  await expect(claimItems(page)).toHaveCount(2);
  await expect(page.locator('mark[data-depth="2"]')).toHaveText('at least 27 deaths');

  // delete one, then undo from the toast
  await claimItems(page).filter({ hasText: first }).click();
  await page.getByRole('button', { name: 'Delete claim' }).click();
  // the toast region, not the library's document count (also a status since issue 17)
  await expect(page.getByRole('status').filter({ hasText: 'Claim deleted' })).toBeVisible();
  await expect(claimItems(page)).toHaveCount(1);
  await expect(page.locator('mark[data-depth="2"]')).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(claimItems(page)).toHaveCount(2);
  await expect(page.locator('mark[data-depth="2"]')).toHaveText('at least 27 deaths');

  const exported = await exportJson(page);
  expect(Array.isArray(exported.documents)).toBe(true);
  expect(Array.isArray(exported.entities)).toBe(true);
  expect(Array.isArray(exported.claims)).toBe(true);
  expect(exported.documents).toHaveLength(1);
  const docId = exported.documents[0]!.id;
  const byQuote = new Map(exported.claims.map((c) => [c.quote.exact, c]));
  for (const selected of [first, second]) {
    const claim = byQuote.get(selected);
    expect(claim, `exported claim for "${selected}"`).toBeDefined();
    expect(claim!.documentId).toBe(docId);
    expect(claim!.position.end - claim!.position.start).toBe([...selected].length);
  }
  // the two passages overlap in the exported positions too
  const [a, b] = [byQuote.get(first)!.position, byQuote.get(second)!.position];
  expect(a.start).toBeLessThan(b.start);
  expect(b.start).toBeLessThan(a.end);
});

test('Cyrillic text renders and a claim over it exports the exact quote', async ({
  page,
  fixturesDir,
}) => {
  await importAndOpen(page, join(fixturesDir, 'sample.txt'), /Khujand/);
  const cyrillic = 'Мы не знали, что происходит внутри';
  await expect(page.locator('.rd-doc')).toContainText(cyrillic);

  const selected = await createClaim(page, cyrillic);
  expect(selected).toBe(cyrillic);
  await expect(claimItems(page)).toContainText(cyrillic);
  await expect(page.locator('mark[data-claims]')).toHaveText(cyrillic);

  // an emoji is two UTF-16 units but one code point: exported positions count code points
  const withEmoji = await createClaim(page, 'online', 'mixed');
  const exported = await exportJson(page);
  const quotes = exported.claims.map((c) => c.quote.exact);
  expect(quotes).toContain(cyrillic);
  expect(quotes).toContain(withEmoji);
  for (const c of exported.claims) {
    expect(c.position.end - c.position.start).toBe([...c.quote.exact].length);
  }
  const cyr = exported.claims.find((c) => c.quote.exact === cyrillic)!;
  expect(cyr.quote.prefix.endsWith('«')).toBe(true);
  expect(cyr.quote.suffix.startsWith('»')).toBe(true);
});

test('keyboard: shortcuts overlay, claim selection and delete from the keyboard', async ({
  page,
  fixturesDir,
}) => {
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help).toContainText('Create a claim from the selected text');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  await importAndOpen(page, join(fixturesDir, 'sample.txt'), /Khujand/);
  await createClaim(page, 'Gulmurod Khalimov');
  await claimItems(page).first().focus();
  await page.keyboard.press('Enter');
  await expect(claimItems(page).first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Delete');
  await expect(claimItems(page)).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(claimItems(page)).toHaveCount(1);
  await page.keyboard.press('Control+Shift+z');
  await expect(claimItems(page)).toHaveCount(0);
});

test('every rendered block shows exactly its canonical text, whatever its structure', async ({
  page,
  fixturesDir,
}) => {
  // headings, emphasis, a quote, nested lists, inline code, a link, a table, footnotes
  await importAndOpen(page, join(fixturesDir, 'sample.md'), /Khujand/);
  const id = await page.evaluate(() => window.location.hash.replace(/^#doc=/, ''));
  const result = await rpc<{ text: string; blocks: { start: number; end: number }[] }>(
    page,
    'documents.content',
    { id },
  );
  expect(result.ok).toBe(true);
  const { text, blocks } = result.value;

  const rendered = await page.locator('.rd-doc [data-start]').evaluateAll((elements) =>
    elements.map((el) => {
      let shown = '';
      const walk = (n: BrowserNode): void => {
        if (n.nodeType === 3) shown += n.textContent ?? '';
        else if (n.nodeName === 'BR') shown += '\n';
        else n.childNodes.forEach(walk);
      };
      walk(el as unknown as BrowserNode);
      return {
        start: Number(el.getAttribute('data-start')),
        end: Number(el.getAttribute('data-end')),
        shown,
      };
    }),
  );
  // the API counts code points; the DOM's data-start/data-end count UTF-16 units (the sample has
  // characters outside the BMP, so the two differ)
  const chars = [...text];
  const units = (points: number) => chars.slice(0, points).join('').length;
  expect(rendered.map((b) => [b.start, b.end])).toEqual(
    blocks.map((b) => [units(b.start), units(b.end)]),
  );
  for (const b of rendered) {
    // Lexical adds one extra <br> after a block's final line break so the caret has a line to sit on
    expect([text.slice(b.start, b.end), text.slice(b.start, b.end) + '\n']).toContain(b.shown);
  }
  // links are shown with their target, never followed
  const link = page.locator('.rd-doc a').first();
  await expect(link).toHaveAttribute('title', 'https://example.org/report');
  const before = page.url();
  await link.click();
  expect(page.url()).toBe(before);
});
