/**
 * Issue 16, item 5: collections in the library. A new collection, the selected documents added to
 * it, the list showing only it, a bulk move from it into another, and every document again.
 */
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const documentItems = (page: Page) =>
  page.getByRole('listbox', { name: 'Documents' }).getByRole('option');

async function newCollection(page: Page, name: string) {
  await page.getByRole('button', { name: 'New collection' }).click();
  await page.getByLabel('Name of the new collection').fill(name);
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('status').filter({ hasText: `Made the collection “${name}”` }),
  ).toBeVisible();
}

test('make collections, add a selection, show one, move between them', async ({
  page,
  fixturesDir,
}) => {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import files' }).click();
  await (
    await chooser
  ).setFiles(['sample.txt', 'sample.md', 'sample.html'].map((f) => join(fixturesDir, f)));
  await expect(documentItems(page)).toHaveCount(3);
  await newCollection(page, 'Riots');
  await newCollection(page, 'Verified');

  // two documents selected, added to Riots
  await documentItems(page).nth(0).click();
  await documentItems(page)
    .nth(1)
    .click({ modifiers: ['ControlOrMeta'] });
  await page.getByLabel('Add 2 documents to a collection').selectOption({ label: 'Riots' });
  const shown = page.getByLabel('Collection', { exact: true });
  await expect(shown.locator('option', { hasText: 'Riots (2)' })).toHaveCount(1);

  // the list shows Riots only; one of them moves on to Verified
  await shown.selectOption({ label: 'Riots (2)' });
  await expect(documentItems(page)).toHaveCount(2);
  await documentItems(page).nth(0).click();
  await page.getByLabel('Move 1 document to a collection').selectOption({ label: 'Verified' });
  await expect(documentItems(page)).toHaveCount(1);
  await page.screenshot({ path: test.info().outputPath('collections.png') });
  await shown.selectOption({ label: 'Verified (1)' });
  await expect(documentItems(page)).toHaveCount(1);
  await shown.selectOption({ label: 'All documents' });
  await expect(documentItems(page)).toHaveCount(3);
});

test('a sub-collection is made inside the one shown and listed under its parent', async ({
  page,
  fixturesDir,
}) => {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import files' }).click();
  await (await chooser).setFiles([join(fixturesDir, 'sample.txt')]);
  await expect(documentItems(page)).toHaveCount(1);
  await newCollection(page, 'Riots');
  await newCollection(page, 'Prisons');
  const shown = page.getByLabel('Collection', { exact: true });

  // with Riots shown, New offers to make the collection inside it; keyboard only
  await shown.selectOption({ label: 'Riots (0)' });
  await page.getByRole('button', { name: 'New collection' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Make it inside')).toHaveValue(
    await shown.inputValue(), // the id of Riots
  );
  await page.keyboard.type('1980s');
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('status').filter({ hasText: 'Made the collection “Riots › 1980s”' }),
  ).toBeVisible();
  // another place can be picked: at the top
  await page.getByRole('button', { name: 'New collection' }).click();
  await page.getByLabel('Name of the new collection').fill('Verified');
  await page.getByLabel('Make it inside').selectOption({ label: 'at the top' });
  await page.getByRole('button', { name: 'Make' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Made the collection “Verified”' }),
  ).toBeVisible();

  // the picker lists the tree: each sub-collection right under its parent, named by its path
  await expect(shown.locator('option')).toHaveText([
    'All documents',
    'Prisons (0)',
    'Riots (0)',
    'Riots › 1980s (0)',
    'Verified (0)',
  ]);
  await shown.selectOption({ label: 'All documents' });
  await documentItems(page).nth(0).click();
  await page.getByLabel('Add 1 document to a collection').selectOption({ label: 'Riots › 1980s' });
  await expect(shown.locator('option', { hasText: 'Riots › 1980s (1)' })).toHaveCount(1);
  await page.getByRole('button', { name: 'New collection' }).click();
  await page.screenshot({ path: test.info().outputPath('sub-collections.png') });
});
