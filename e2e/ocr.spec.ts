/**
 * A scanned PDF (issue 18): imported with OCR and its progress in the import panel, then read on
 * the page: the recognised words are the page's text layer, so a passage selected on the scan
 * becomes a claim, highlighted on the scan and in the text.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { corpusDir, hasCommand, imagePdf, rasterise } from '../src/main/test/scans';
import { claimItems } from './app';
import { expect, rpc, test } from './fixtures';
import { selectOnPage } from './reader';

const PDF = path.join(corpusDir, '002_1e1a6a2f2c58fe5b.pdf');
const PASSAGE = 'Kazakh National Pedagogical University';

/** Whether the system's Tesseract has this language's data (Debian: tesseract-ocr-LANG). */
const TESSDATA = ['/usr/share/tesseract-ocr/5/tessdata', '/usr/share/tesseract-ocr/4.00/tessdata'];
const hasTesseractLanguage = (code: string) =>
  TESSDATA.some((dir) => existsSync(dir) && readdirSync(dir).includes(`${code}.traineddata`));

test('a scanned page is read by OCR at import, and a passage selected on the scan becomes a claim', async ({
  page,
}) => {
  test.skip(!existsSync(PDF), `the sample corpus is not at ${corpusDir} (set CLAIMDESK_CORPUS)`);
  test.skip(!hasCommand('pdftoppm'), 'pdftoppm (poppler-utils) is not installed');
  test.setTimeout(240_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'claimdesk-e2e-scan-'));
  const file = path.join(dir, 'scanned-article.pdf');
  writeFileSync(file, imagePdf([rasterise(PDF, 1, 200)]));
  try {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import files' }).click();
    await (await chooser).setFiles(file);
    const progress = page.getByRole('list', { name: 'Import progress' });
    await expect(progress).toContainText('OCR page 1 of 1', { timeout: 60_000 });
    await expect(progress).toContainText('Imported', { timeout: 180_000 });
    await page
      .getByRole('listbox', { name: 'Documents' })
      .getByRole('option')
      // its title, found by OCR on its first page (issue 17's metadata)
      .filter({ hasText: 'New approaches in combating international terrorism' })
      .click();

    await page.getByRole('button', { name: 'Pages' }).click();
    const scan = page.locator('.pdf-page[data-page-index="0"]');
    await expect(scan).toHaveAttribute('data-ready', 'true');
    await expect(scan.locator('.pdf-ocr-badge')).toHaveText('OCR · eng');
    expect(await scan.locator('.textLayer span[data-item]').count()).toBeGreaterThan(100);
    await page.screenshot({ path: 'test-results/ocr-page-light.png' });

    const selected = await selectOnPage(page, 0, PASSAGE);
    expect(selected.replace(/\s+/g, ' ')).toBe(PASSAGE);
    await page.keyboard.press('c');
    const popover = page.getByRole('dialog', { name: 'Tag claim' });
    await expect(popover.or(claimItems(page).first())).toBeVisible();
    if (await popover.isVisible()) await page.keyboard.press('Enter');
    const item = claimItems(page).first();
    await expect(item).toContainText(PASSAGE);
    const claimId = await item.getAttribute('data-claim-id');
    await expect(scan.locator(`.pdf-hl[data-claims~="${claimId}"]`).first()).toBeVisible();

    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: 'test-results/ocr-page-dark.png' });

    await page.keyboard.press('v');
    const marks = page.locator(`mark[data-claims~="${claimId}"]`);
    await expect(marks.first()).toBeVisible();
    expect((await marks.allTextContents()).join('')).toBe(PASSAGE);
    await page.emulateMedia({ colorScheme: 'light' });

    // the scan read again in other languages, from the page's OCR badge: the claim stays in place
    test.skip(!hasTesseractLanguage('rus'), 'Tesseract’s Russian data is not installed');
    await page.keyboard.press('v');
    await scan.locator('.pdf-ocr-badge').click();
    const again = page.getByRole('dialog', { name: 'Read the scan again' });
    await expect(again.getByRole('checkbox', { name: /^eng/ })).toBeChecked();
    await again.getByRole('checkbox', { name: /^rus/ }).check();
    await page.screenshot({ path: 'test-results/ocr-read-again.png' });
    await again.getByRole('button', { name: 'Read again in eng+rus' }).click();
    // the text changed under every view: the app starts over and says what happened
    await expect(
      page.getByText(/Read 1 page again in eng\+rus: 1 claim or mention kept in place/),
    ).toBeVisible({
      timeout: 180_000,
    });
    await page
      .getByRole('listbox', { name: 'Documents' })
      .getByRole('option')
      .filter({ hasText: 'New approaches in combating international terrorism' })
      .click();
    await expect(claimItems(page).first()).toContainText(PASSAGE);
    await page.getByRole('button', { name: 'Pages' }).click();
    await expect(scan.locator('.pdf-ocr-badge')).toHaveText('OCR · eng+rus');
    await expect(scan.locator(`.pdf-hl[data-claims~="${claimId}"]`).first()).toBeVisible();

    // the languages the next scans are read in, from the library
    await page.getByRole('button', { name: 'OCR languages…' }).click();
    const defaults = page.getByRole('dialog', { name: 'OCR languages' });
    await expect(defaults.getByRole('checkbox', { name: /^eng/ })).toBeChecked();
    // a language file the researcher adds: refused unless it is Tesseract data, then kept here
    const notData = path.join(dir, 'kaz.traineddata');
    writeFileSync(notData, 'not a language model');
    const pickFile = async (file: string) => {
      const chooser = page.waitForEvent('filechooser');
      await defaults.getByRole('button', { name: 'Add a language file…' }).click();
      await (await chooser).setFiles(file);
    };
    await pickFile(notData);
    await expect(defaults.getByRole('alert')).toContainText('not Tesseract language data');
    const system = TESSDATA.find((d) => existsSync(path.join(d, 'tgk.traineddata')));
    if (system) {
      const real = path.join(dir, 'copy', 'kaz.traineddata');
      mkdirSync(path.dirname(real));
      copyFileSync(path.join(system, 'tgk.traineddata'), real);
      await pickFile(real);
      const added = defaults.getByRole('checkbox', { name: /^kaz/ });
      await expect(added).toBeChecked();
      await expect(defaults.getByText('added to this workspace')).toBeVisible();
      await page.screenshot({ path: 'test-results/ocr-languages.png' });
      await added.uncheck();
    }
    await defaults.getByRole('checkbox', { name: /^rus/ }).check();
    await defaults.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('Scans imported from now on are read in eng+rus')).toBeVisible();
    expect((await rpc<{ defaults: string[] }>(page, 'ocr.languages', {})).value.defaults).toEqual([
      'eng',
      'rus',
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
