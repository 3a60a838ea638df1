/**
 * Issue 17: an EPUB imported through the library reads in chapter order under its chapter
 * headings, with its package metadata found; a Zotero library is imported from its folder.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { makeEpub } from '../src/main/test/epub-writer';
import { ZoteroLibraryBuilder } from '../src/main/test/zotero-library';
import { importAndOpen } from './app';
import { expect, test } from './fixtures';

const SHOTS = process.env.SCREENSHOT_DIR;

test('an EPUB is imported in spine order, chapters as headings, its OPF metadata found', async ({
  page,
}) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'claimdesk-epub-'));
  try {
    const file = path.join(dir, 'steppe.epub');
    writeFileSync(
      file,
      await makeEpub({
        metadata:
          '<dc:title>Rivers of the Steppe</dc:title>' +
          '<dc:creator id="a1">Aigerim Sadykova</dc:creator>' +
          '<meta refines="#a1" property="file-as">Sadykova, Aigerim</meta>' +
          '<dc:date>2021-06-15</dc:date><dc:language>en</dc:language>',
        chapters: [
          { file: 'one.xhtml', label: 'The Ili', body: '<p>The Ili flows west into the lake.</p>' },
          {
            file: 'two.xhtml',
            label: 'The Syr Darya',
            body: '<p>Its delta dried in the 1980s.</p>',
          },
        ],
      }),
    );
    await importAndOpen(page, file, /Rivers of the Steppe/);
    await expect(page.locator('.reader-title')).toHaveText('Rivers of the Steppe');
    const doc = page.locator('.rd-doc');
    // the chapters, in spine order, each under its heading from the table of contents
    await expect(doc.getByRole('heading')).toHaveText(['The Ili', 'The Syr Darya']);
    await expect(doc).toContainText('Its delta dried in the 1980s.');
    await page.getByRole('button', { name: 'Document details' }).click();
    const dialog = page.getByRole('dialog', { name: 'Document details' });
    await expect(dialog.getByLabel('Author 1 family name')).toHaveValue('Sadykova');
    await expect(
      dialog.locator('.found-badge').filter({ hasText: 'found in EPUB package (dc:title)' }),
    ).toBeVisible();
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'epub-details.png') });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a Zotero library is imported from its folder: items, files and nested collections', async ({
  page,
}) => {
  const folder = mkdtempSync(path.join(tmpdir(), 'claimdesk-zotero-'));
  try {
    const lib = new ZoteroLibraryBuilder(folder);
    const item = lib.item(
      'webpage',
      { title: 'Water quotas agreed', date: '2020-05-00 May 2020' },
      [{ creatorType: 'author', firstName: 'Dana', lastName: 'Omarova' }],
    );
    lib.attachment(item, {
      name: 'page.html',
      contentType: 'text/html',
      linkMode: 1,
      bytes: new TextEncoder().encode('<h1>Water quotas agreed</h1><p>The ministers met.</p>'),
    });
    const gone = lib.item('report', { title: 'Monitoring report' });
    lib.attachment(gone, { name: 'report.pdf', contentType: 'application/pdf' });
    const top = lib.collection('Water');
    lib.addToCollection(lib.collection('Agreements', top), item);
    lib.close();

    await page.setViewportSize({ width: 1024, height: 768 });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.getByRole('button', { name: 'Import Zotero library…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import a Zotero library' });
    const box = dialog.getByRole('textbox', { name: 'Zotero data folder' });
    await expect(box).toBeFocused();
    await box.fill(folder);
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'zotero-dialog.png') });
    await box.press('Enter');
    await expect(dialog).toBeHidden({ timeout: 30_000 });
    await expect(
      page.getByText(/Zotero library: 2 items — 0 matched to sources here, 2 new/),
    ).toBeVisible();
    await expect(
      page.getByText(/Missing from Zotero's storage: storage\/\w+\/report\.pdf/),
    ).toBeVisible();
    await expect(
      page
        .getByRole('listbox', { name: 'Documents' })
        .getByRole('option')
        .filter({ hasText: 'Water quotas agreed' }),
    ).toBeVisible();
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'zotero-done.png') });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
