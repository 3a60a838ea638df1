/**
 * Issue 3, items 4 and 6: a document's metadata is editable in "Document details" and exported;
 * a whole folder can be imported, its unsupported files left out.
 */
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

interface ExportedDocuments {
  documents: {
    title: string;
    authors: string[];
    publishedDate: string | null;
    sourceUrl: string | null;
    publisher: string | null;
    language: string | null;
  }[];
}

const documentItems = (page: Page) =>
  page.getByRole('listbox', { name: 'Documents' }).getByRole('option');

async function exportJson(page: Page): Promise<ExportedDocuments> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export claims' }).click();
  const file = await download;
  return JSON.parse(await readFile(await file.path(), 'utf8')) as ExportedDocuments;
}

test('document details: edit, save, see the new title, export; a bad URL changes nothing', async ({
  page,
  fixturesDir,
}) => {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import files' }).click();
  await (await chooser).setFiles(join(fixturesDir, 'sample.txt'));
  await expect(page.getByRole('list', { name: 'Import progress' })).toContainText('Imported');
  await documentItems(page)
    .filter({ hasText: /Khujand/ })
    .click();
  await expect(page.locator('.rd-doc [data-start]').first()).toBeVisible();

  // prefilled from the backend; Escape closes without saving
  await page.getByRole('button', { name: 'Document details' }).click();
  const dialog = page.getByRole('dialog', { name: 'Document details' });
  await expect(dialog.getByLabel('Title')).toHaveValue(/Khujand/);
  await dialog.getByLabel('Title').fill('Changed then abandoned');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(documentItems(page).filter({ hasText: 'Changed then abandoned' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Document details' }).click();
  await dialog.getByLabel('Title').fill('Khujand riot: collected accounts');
  // authors are a list: family and given name per row
  await dialog.getByRole('button', { name: 'Add author' }).click();
  await dialog.getByLabel('Author 1 family name').fill('Doe');
  await dialog.getByLabel('Author 1 given name').fill('Jane');
  await dialog.getByRole('button', { name: 'Add author' }).click();
  await dialog.getByLabel('Author 2 family name').fill('Roe');
  await dialog.getByLabel('Author 2 given name').fill('John');
  await dialog.getByLabel('Publication date').fill('2018-11');
  await dialog.getByLabel('Source URL').fill('https://example.org/khujand');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();

  await expect(
    documentItems(page).filter({ hasText: 'Khujand riot: collected accounts' }),
  ).toHaveCount(1);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Khujand riot: collected accounts',
  );
  await expect(page.locator('.reader-meta')).toContainText('Jane Doe, John Roe');

  // an invalid URL: the backend's message shows in the dialog, nothing is saved
  await page.getByRole('button', { name: 'Document details' }).click();
  await expect(dialog.getByLabel('Author 2 family name')).toHaveValue('Roe');
  await dialog.getByLabel('Title').fill('Should not be saved');
  await dialog.getByLabel('Source URL').fill('ftp://example.org/file');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toContainText('URL');
  await expect(dialog.getByLabel('Source URL')).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(documentItems(page).filter({ hasText: 'Should not be saved' })).toHaveCount(0);

  const exported = await exportJson(page);
  expect(exported.documents[0]).toMatchObject({
    title: 'Khujand riot: collected accounts',
    authors: ['Jane Doe', 'John Roe'],
    publishedDate: '2018-11',
    sourceUrl: 'https://example.org/khujand',
  });
});

test('import a folder: supported files are imported, others skipped', async ({
  page,
  fixturesDir,
}) => {
  const dir = await mkdtemp(join(tmpdir(), 'claimdesk-folder-'));
  try {
    await mkdir(join(dir, 'sub'));
    await copyFile(join(fixturesDir, 'sample.txt'), join(dir, 'sample.txt'));
    await copyFile(join(fixturesDir, 'sample.md'), join(dir, 'sub', 'Briefing.MD'));
    await writeFile(join(dir, 'notes.xyz'), 'not a document');
    await writeFile(join(dir, '.hidden.md'), '# Hidden');

    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import folder', exact: true }).click();
    await (await chooser).setFiles(dir);
    const progress = page.getByRole('list', { name: 'Import progress' });
    await expect(progress.getByRole('listitem')).toHaveCount(2);
    await expect(progress).not.toContainText('notes.xyz');
    await expect(documentItems(page)).toHaveCount(2);
    await expect(documentItems(page).filter({ hasText: /Khujand/ })).toHaveCount(2);

    // a folder with nothing supported says so
    const empty = join(dir, 'empty');
    await mkdir(empty);
    await writeFile(join(empty, 'notes.xyz'), 'not a document');
    const again = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import folder', exact: true }).click();
    await (await again).setFiles(empty);
    await expect(
      page.getByRole('navigation', { name: 'Library' }).getByRole('alert'),
    ).toContainText('no files Claimdesk can import');
    await expect(documentItems(page)).toHaveCount(2);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
