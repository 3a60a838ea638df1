/**
 * Issue 16, item 5: documents leave the library through the trash. Ctrl-click and Shift-click
 * select several; Delete asks first and says what goes with them; the trash counts them and gives
 * one back; Ctrl+Z undoes a move; emptying asks again, with the count, and is final.
 */
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const documentItems = (page: Page) =>
  page.getByRole('listbox', { name: 'Documents' }).getByRole('option');

test('select with Ctrl and Shift, Delete to the trash, restore, undo, empty', async ({
  page,
  fixturesDir,
}) => {
  // the background check after open has read the (new, empty) workspace and says so
  await expect(page.locator('.statusbar')).toContainText('Workspace checked');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import files' }).click();
  await (
    await chooser
  ).setFiles(['sample.txt', 'sample.md', 'sample.html'].map((f) => join(fixturesDir, f)));
  await expect(documentItems(page)).toHaveCount(3);
  const titles = await documentItems(page).locator('.doc-title').allTextContents();

  // Delete acts on the open document, after a confirmation naming it; Cancel changes nothing
  await documentItems(page).nth(0).click();
  await page.keyboard.press('Delete');
  const ask = page.getByRole('dialog', { name: 'Move 1 document to the trash?' });
  await expect(ask).toContainText(titles[0]!);
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(documentItems(page)).toHaveCount(3);

  // Ctrl-click adds the third; Shift-click takes the range from it: to the second, then to the first
  await documentItems(page)
    .nth(2)
    .click({ modifiers: ['ControlOrMeta'] });
  await expect(page.getByRole('status').filter({ hasText: '2 documents selected' })).toBeVisible();
  await documentItems(page)
    .nth(1)
    .click({ modifiers: ['Shift'] });
  await expect(documentItems(page).and(page.locator('[aria-selected="true"]'))).toHaveCount(2);
  await documentItems(page)
    .nth(0)
    .click({ modifiers: ['Shift'] });
  await expect(documentItems(page).and(page.locator('[aria-selected="true"]'))).toHaveCount(3);
  await documentItems(page).nth(2).focus();
  await page.keyboard.press('Delete');
  const askMany = page.getByRole('dialog', { name: 'Move 3 documents to the trash?' });
  await expect(askMany).toContainText('claims, mentions and relations');
  await page.screenshot({ path: test.info().outputPath('trash-confirm.png') });
  await askMany.getByRole('button', { name: 'Move to trash' }).click();
  await expect(documentItems(page)).toHaveCount(0);

  // the trash counts them and gives one back
  const trash = page.locator('.trash-section');
  await trash.locator('summary').click();
  await expect(trash.locator('summary')).toContainText('3');
  await trash
    .getByRole('button', { name: /^Restore / })
    .first()
    .click();
  await expect(documentItems(page)).toHaveCount(1);
  await expect(trash.locator('summary')).toContainText('2');
  await page.screenshot({ path: test.info().outputPath('trash-open.png') });

  // Ctrl+Z undoes the restore (the last change), Ctrl+Z again the move of the three
  await page.locator('body').click({ position: { x: 600, y: 400 } });
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(documentItems(page)).toHaveCount(0);
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(documentItems(page)).toHaveCount(3);
  await expect(trash.locator('summary')).toContainText('0');

  // emptying asks with the count, and what it deletes is gone for good
  await documentItems(page).nth(0).click();
  await page.keyboard.press('Delete');
  await page.getByRole('button', { name: 'Move to trash' }).click();
  await expect(documentItems(page)).toHaveCount(2);
  await trash.getByRole('button', { name: 'Empty trash…' }).click();
  const final = page.getByRole('dialog', { name: 'Empty the trash?' });
  await expect(final).toContainText('1 document');
  await expect(final).toContainText('cannot be undone');
  await final.getByRole('button', { name: 'Delete for good' }).click();
  // its source held only what was read from the file, so it went too, and the message says so
  await expect(
    page.getByText('Deleted 1 document for good, and 1 source left with no file.'),
  ).toBeVisible();
  await expect(trash.locator('summary')).toContainText('0');
  await expect(trash).toContainText('The trash is empty.');
  await expect(documentItems(page)).toHaveCount(2);
});
