/**
 * Issue 15, defect 3: the layout from 1024×700. The side panes leave the document room, can be
 * hidden and resized from the keyboard and are remembered; the claims table's last columns, pager
 * and export stay reachable; a PDF fitted to the width at 1280 is readable. Screenshots at 1024, 1280
 * and 1920 in both themes go to docs/screenshots (README).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { claimItems, createClaim, importAndOpen } from './app';
import { selectText } from './reader';
import { expect, setsItsOwnWindowSize, test } from './fixtures';

// every test here sets the window sizes it is about
test.beforeEach(setsItsOwnWindowSize);

const SHOTS = resolve(process.cwd(), 'docs/screenshots');
const CORPUS = process.env.CLAIMDESK_CORPUS ?? resolve(process.cwd(), '../shared/corpus');
const PDF = join(CORPUS, '002_1e1a6a2f2c58fe5b.pdf');

const width = async (l: Locator) => (await l.boundingBox())?.width ?? 0;
const claimsPanel = (page: Page) => page.locator('aside.claims');
const reader = (page: Page) => page.getByRole('main', { name: 'Reader' });

/** Both themes of what is on screen, named by the window's width. */
async function shoot(page: Page, name: string) {
  const w = page.viewportSize()?.width ?? 0;
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({
      path: join(SHOTS, `${name}-${w}${scheme === 'dark' ? '-dark' : ''}.png`),
    });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('at 1024×700 the side panes leave the text room, hide, resize from the keyboard and are remembered', async ({
  page,
  fixturesDir,
}) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await importAndOpen(page, join(fixturesDir, 'sample.txt'), /Khujand/);
  await createClaim(page, 'Gulmurod Khalimov');
  await claimItems(page).first().click();

  // the claims panel is a usable column, not a 150 px strip, and the text keeps 360 px
  expect(await width(claimsPanel(page))).toBeGreaterThanOrEqual(300);
  expect(await width(reader(page))).toBeGreaterThanOrEqual(360);
  // the top bar keeps every view, the search, export, workspace and help on one line
  await expect(page.getByRole('button', { name: 'Keyboard shortcuts' })).toBeInViewport({
    ratio: 1,
  });
  await expect(page.getByRole('button', { name: 'Notebooks' })).toBeInViewport({ ratio: 1 });
  await shoot(page, 'reader');

  // Ctrl+B hides the library (the text takes its room); the button at its edge brings it back
  const before = await width(reader(page));
  await page.locator('.rd-doc').click();
  await page.keyboard.press('Control+b');
  await expect(page.getByRole('navigation', { name: 'Library' })).toBeHidden();
  expect(await width(reader(page))).toBeGreaterThan(before + 150);
  await page.getByRole('button', { name: 'Show the library' }).click();
  await expect(page.getByRole('navigation', { name: 'Library' })).toBeVisible();

  // the claims panel's edge is a separator: ← widens it, and the width survives a reload
  const handle = page.getByRole('separator', { name: 'Claims panel width' });
  const start = Number(await handle.getAttribute('aria-valuenow'));
  await handle.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(handle).toHaveAttribute('aria-valuenow', String(start + 32));
  await page.getByRole('button', { name: 'Hide the claims panel' }).click();
  await expect(claimsPanel(page)).toBeHidden();
  await page.reload();
  await expect(claimsPanel(page)).toBeHidden();
  await page.getByRole('button', { name: 'Show the claims panel' }).click();
  await expect(page.getByRole('separator', { name: 'Claims panel width' })).toHaveAttribute(
    'aria-valuenow',
    String(start + 32),
  );
});

test('at 1024×700 the tagging popover for a tall selection takes the larger side and shrinks, never covering the passage', async ({
  page,
  fixturesDir,
}) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await importAndOpen(page, join(fixturesDir, 'sample.txt'), /Khujand/);
  // most of the text: neither above nor below it is there room for the whole popover
  await selectText(page, 'Prison riot in Khujand', 'Reaction online');
  const passage = await page.evaluate(() => {
    const r = window.getSelection()!.getRangeAt(0).getBoundingClientRect();
    return { top: r.top, bottom: r.bottom };
  });
  await page.keyboard.press('c');
  const popover = page.getByRole('dialog', { name: 'Tag claim' });
  await expect(popover).toBeVisible();
  const box = (await popover.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(700);
  // above or below the passage, not over it (the old placement pinned it to the window's top)
  expect(box.y + box.height <= passage.top || box.y >= passage.bottom).toBe(true);
  // what does not fit scrolls inside it: the last button is still reachable, and saves
  await popover.getByRole('button', { name: 'Save claim' }).click();
  await expect(popover).toBeHidden();
  await expect(claimItems(page)).toHaveCount(1);
});

test('at 1024×700 the claims table scrolls sideways with the statement kept, and its pager and export are on screen', async ({
  page,
  fixturesDir,
}) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await importAndOpen(page, join(fixturesDir, 'sample.txt'), /Khujand/);
  await createClaim(page, 'Gulmurod Khalimov');
  await page.keyboard.press('t');
  const table = page.getByRole('table', { name: 'Claims' });
  await expect(table.getByRole('row').filter({ hasText: 'Gulmurod Khalimov' })).toHaveCount(1);
  for (const name of ['Previous page', 'Next page']) {
    await expect(page.getByRole('button', { name })).toBeInViewport();
  }
  await expect(page.getByRole('button', { name: /Export/ }).last()).toBeInViewport();
  await shoot(page, 'table');

  // the last column scrolls into view; the statement column stays where it was
  const statement = table.getByRole('columnheader', { name: /Statement/ });
  const x = (await statement.boundingBox())!.x;
  const last = table.getByRole('columnheader').last();
  await last.scrollIntoViewIfNeeded();
  await expect(last).toBeInViewport({ ratio: 1 });
  expect((await statement.boundingBox())!.x).toBeCloseTo(x, 0);
});

test('a PDF fitted to the width at 1280 is shown near its own size, and the reader is shot at 1280 and 1920', async ({
  page,
}) => {
  test.skip(!existsSync(PDF), `corpus PDF not found in ${CORPUS} (set CLAIMDESK_CORPUS)`);
  await page.setViewportSize({ width: 1280, height: 800 });
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import files' }).click();
  await (await chooser).setFiles(PDF);
  // a 21-page PDF takes a while on a loaded machine
  await expect(page.getByRole('list', { name: 'Import progress' })).toContainText('Imported', {
    timeout: 60_000,
  });
  await page.getByRole('listbox', { name: 'Documents' }).getByRole('option').first().click();
  await page.getByRole('button', { name: 'Pages' }).click();
  await page.getByRole('button', { name: 'Fit width' }).click();
  const zoom = page.getByLabel('Zoom level');
  await expect(zoom).toHaveText(/\d+%/);
  expect(parseInt((await zoom.textContent()) ?? '0', 10)).toBeGreaterThanOrEqual(85);
  await shoot(page, 'pdf-reader');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await shoot(page, 'pdf-reader');
});
