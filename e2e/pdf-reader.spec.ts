/**
 * The PDF page view (issue 3, item 2): a researcher opens the real pages of a PDF, selects a
 * sentence on page 3, makes it a claim, sees it highlighted on the page and in the text, finds it
 * again from the claims list, and exports it with its page.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { claimItems } from './app';
import { axeViolations } from './axe';
import { expect, test } from './fixtures';
import { selectOnPage } from './reader';

const CORPUS = process.env.CLAIMDESK_CORPUS ?? path.resolve(process.cwd(), '../shared/corpus');
const PDF = path.join(CORPUS, '002_1e1a6a2f2c58fe5b.pdf');
const SENTENCE =
  'The reasons for the emergence of extremist and terrorist activities in the Central Asian ' +
  'region are considered, and the ways of legal recognition and combating extremist ' +
  'organizations are analysed.';

/**
 * C makes the selection a claim: at once, or through the tagging popover (Enter with nothing typed
 * saves), whichever this build has.
 */
async function pressCreateClaim(page: Page): Promise<void> {
  const before = await claimItems(page).count();
  await page.keyboard.press('c');
  const popover = page.getByRole('dialog', { name: 'Tag claim' });
  await expect(popover.or(claimItems(page).nth(before))).toBeVisible();
  if (await popover.isVisible()) await page.keyboard.press('Enter');
}

interface ExportedClaims {
  claims: {
    id: string;
    quote: { exact: string };
    page: { index: number; label: string } | null;
    spans: { quote: { exact: string }; page: { index: number; label: string } | null }[];
  }[];
}

test('a sentence selected on page 3 of a PDF becomes a claim, highlighted in both views, exported with its page', async ({
  page,
}) => {
  test.skip(!existsSync(PDF), `the sample corpus is not at ${CORPUS} (set CLAIMDESK_CORPUS)`);
  test.setTimeout(120_000); // a 21-page PDF and axe in two themes, on a loaded machine

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import files' }).click();
  await (await chooser).setFiles(PDF);
  await expect(page.getByRole('list', { name: 'Import progress' })).toContainText('Imported', {
    timeout: 30_000,
  });
  await page
    .getByRole('listbox', { name: 'Documents' })
    .getByRole('option')
    // its title, found on its first page on import
    .filter({ hasText: 'New approaches in combating international terrorism' })
    .click();

  // the page view: canvas and text layer of the first page, then page 3 from the page number box
  const pagesButton = page.getByRole('button', { name: 'Pages' });
  await pagesButton.click();
  await expect(pagesButton).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.pdf-page[data-page-index="0"] canvas')).toBeVisible();
  const pageBox = page.getByRole('textbox', { name: 'Page number' });
  await pageBox.fill('3');
  await pageBox.press('Enter');
  const page3 = page.locator('.pdf-page[data-page-index="2"]');
  await expect(page3).toHaveAttribute('data-ready', 'true');
  await expect(pageBox).toHaveValue('3');
  const label = await pageBox.inputValue();

  // select the sentence on the page and press C
  const selected = await selectOnPage(page, 2, SENTENCE);
  expect(selected.replace(/\s+/g, ' ')).toBe(SENTENCE);
  await pressCreateClaim(page);
  await expect(claimItems(page)).toHaveCount(1);
  const item = claimItems(page).first();
  await expect(item).toContainText(SENTENCE);
  await expect(item).toContainText(`p. ${label}`);
  const claimId = await item.getAttribute('data-claim-id');
  expect(claimId).toMatch(/^clm_/);

  // highlighted on the page, and selected (it was just created)
  const onPage = page3.locator(`.pdf-hl[data-claims~="${claimId}"]`);
  await expect(onPage.first()).toBeVisible();
  expect(await onPage.count()).toBeGreaterThanOrEqual(2); // the sentence runs over three lines
  await expect(onPage.first()).toHaveClass(/is-selected/);
  // the page view, with its toolbar, pages, text layer and a highlight, passes axe (issue 15)
  expect(await axeViolations(page), 'PDF page view').toEqual([]);

  // …and in the text view, over exactly the same text (V switches views)
  await page.keyboard.press('v');
  await expect(page.getByRole('button', { name: 'Text' })).toHaveAttribute('aria-pressed', 'true');
  const marks = page.locator(`mark[data-claims~="${claimId}"]`);
  await expect(marks.first()).toBeVisible();
  expect((await marks.allTextContents()).join('')).toBe(SENTENCE);

  // back in the page view, far away, clicking the claim opens its page and scrolls to it
  await page.getByRole('button', { name: 'Pages' }).click();
  await pageBox.fill('15');
  await pageBox.press('Enter');
  await expect(page.locator('.pdf-page[data-page-index="14"]')).toHaveAttribute(
    'data-ready',
    'true',
  );
  await page.keyboard.press('Escape'); // deselect, so that clicking selects again
  await expect(item).not.toHaveAttribute('aria-selected', 'true');
  await item.click();
  await expect(item).toHaveAttribute('aria-selected', 'true');
  await expect(pageBox).toHaveValue(label);
  await expect(page3.locator(`.pdf-hl[data-claims~="${claimId}"]`).first()).toBeInViewport();

  // clicking the highlight on the page selects the claim
  await page.keyboard.press('Escape');
  await expect(item).not.toHaveAttribute('aria-selected', 'true');
  const box = (await page3.locator(`.pdf-hl[data-claims~="${claimId}"]`).first().boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect(item).toHaveAttribute('aria-selected', 'true');

  // export: the claim carries page index 2 with the PDF's label, and the exact sentence
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export claims' }).click();
  const file = await download;
  const exported = JSON.parse(await readFile(await file.path(), 'utf8')) as ExportedClaims;
  const claim = exported.claims.find((c) => c.id === claimId)!;
  expect(claim.quote.exact).toBe(SENTENCE);
  expect(claim.page).toEqual({ index: 2, label });
  expect(claim.spans).toHaveLength(1);
  expect(claim.spans[0]!.page).toEqual({ index: 2, label });
  expect(claim.spans[0]!.quote.exact).toBe(SENTENCE);
});

test('the page view keeps its keys: zoom, fit width, previous and next page', async ({ page }) => {
  test.skip(!existsSync(PDF), `the sample corpus is not at ${CORPUS} (set CLAIMDESK_CORPUS)`);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import files' }).click();
  await (await chooser).setFiles(PDF);
  await expect(page.getByRole('list', { name: 'Import progress' })).toContainText('Imported', {
    timeout: 30_000,
  });
  await page.getByRole('listbox', { name: 'Documents' }).getByRole('option').first().click();
  await page.keyboard.press('v');
  const pageBox = page.getByRole('textbox', { name: 'Page number' });
  await expect(pageBox).toHaveValue('1');
  await expect(page.getByText(/of 21/)).toBeVisible();

  const zoom = page.getByRole('status', { name: 'Zoom level' });
  const fit = await zoom.innerText();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect(zoom).not.toHaveText(fit);
  await expect(page.getByRole('button', { name: 'Fit width' })).toHaveAttribute(
    'aria-pressed',
    'false',
  );
  await page.locator('.pdf-scroll').focus();
  await page.keyboard.press('Control+-');
  await page.keyboard.press('Control+-');
  const smaller = await zoom.innerText();
  expect(parseInt(smaller)).toBeLessThan(parseInt(fit));
  await page.getByRole('button', { name: 'Fit width' }).click();
  await expect(zoom).toHaveText(fit);

  await page.keyboard.press('PageDown');
  await expect(pageBox).toHaveValue('2');
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(pageBox).toHaveValue('3');
  await page.keyboard.press('PageUp');
  await expect(pageBox).toHaveValue('2');
  await page.getByRole('button', { name: 'Previous page' }).click();
  await expect(pageBox).toHaveValue('1');

  // an impossible page number says so and stays put
  await pageBox.fill('99');
  await pageBox.press('Enter');
  await expect(pageBox).toHaveAttribute('aria-invalid', 'true');
});
