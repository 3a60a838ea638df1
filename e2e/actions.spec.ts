/**
 * Issue 15's action registry: keys act on the pane that has the focus, the help lists every action
 * from the top, and the command palette runs any action by name.
 */
import { join } from 'node:path';
import { claimItems, createClaim, importAndOpen } from './app';
import { expect, test } from './fixtures';

// the one browser global read inside page.evaluate: this file compiles without the DOM library
declare const window: { getSelection(): object | null };

test('Delete with the focus in the library never deletes the claim selected in the reader (defect 2)', async ({
  page,
  fixturesDir,
}) => {
  await importAndOpen(page, join(fixturesDir, 'sample.txt'), /Khujand/);
  await createClaim(page, 'Gulmurod Khalimov');
  await claimItems(page).first().click();
  await expect(claimItems(page).first()).toHaveAttribute('aria-selected', 'true');

  // the focus goes to the library (a document), the claim stays selected in the reader
  const documentItem = page.getByRole('listbox', { name: 'Documents' }).getByRole('option').first();
  await documentItem.focus();
  // there Delete means the document (issue 16): it asks before moving it to the trash
  await page.keyboard.press('Delete');
  const ask = page.getByRole('dialog', { name: 'Move 1 document to the trash?' });
  await expect(ask).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(ask).toBeHidden();
  await documentItem.focus();
  await page.keyboard.press('Backspace');
  await expect(claimItems(page)).toHaveCount(1);
  await expect(claimItems(page).first()).toHaveAttribute('aria-selected', 'true');

  // in the claims panel Delete means the claim
  await claimItems(page).first().focus();
  await page.keyboard.press('Delete');
  await expect(claimItems(page)).toHaveCount(0);
});

test('the shortcuts overlay opens at its top and lists the registered actions', async ({
  page,
}) => {
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help).toContainText('Create a claim from the selected text');
  await expect(help).toContainText('Command palette');
  const scroll = help.locator('.help-scroll');
  expect(await scroll.evaluate((el) => el.scrollTop)).toBe(0);
  await expect(scroll).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
});

test('the command palette (Ctrl+Shift+P) runs an action by name', async ({ page }) => {
  await page.keyboard.press('Control+Shift+P');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await expect(palette).toBeVisible();
  await page.keyboard.type('claims table');
  await expect(palette.getByRole('option').first()).toContainText(
    'Switch between the reader and the claims table',
  );
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(page.getByRole('button', { name: 'Claims table' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
});

test('a claim made with the keyboard alone: F7 puts a caret in the text, Shift+arrows select (defect 4)', async ({
  page,
  fixturesDir,
}) => {
  await importAndOpen(page, join(fixturesDir, 'sample.txt'), /Khujand/);
  await page.getByLabel('Document text').focus();
  await page.keyboard.press('F7');
  await expect(page.locator('.rd-caret')).toBeVisible();
  // two words of the title, by word, then one more character: the space is not taken
  await page.keyboard.press('Control+Shift+ArrowRight');
  await page.keyboard.press('Control+Shift+ArrowRight');
  expect((await page.evaluate(() => String(window.getSelection()))).trim()).toBe('Prison riot');
  await page.keyboard.press('c');
  await expect(page.getByRole('dialog', { name: 'Tag claim' })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(claimItems(page)).toHaveCount(1);
  await expect(claimItems(page).first()).toContainText('Prison riot');

  // the arrows move the caret (not the page) once there is one; Shift+End takes the rest of a line
  await page.getByLabel('Document text').focus();
  await page.keyboard.press('F7');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Shift+End');
  expect((await page.evaluate(() => String(window.getSelection()))).length).toBeGreaterThan(10);
});

test('after linking two claims the focus is on “Link claim”, so a letter typed next is no shortcut (defect 5)', async ({
  page,
  fixturesDir,
}) => {
  await importAndOpen(page, join(fixturesDir, 'sample.txt'), /Khujand/);
  await createClaim(page, 'Gulmurod Khalimov');
  await createClaim(page, 'at least 27 deaths');
  await claimItems(page).filter({ hasText: 'at least 27 deaths' }).click();
  const editor = page.locator('.claim-editor');
  await editor.getByRole('button', { name: 'Link claim' }).click();
  await page.keyboard.type('Gulmurod');
  await expect(editor.locator('.link-picker').getByRole('option').first()).toContainText(
    'Gulmurod Khalimov',
  );
  await page.keyboard.press('Enter');
  await expect(editor.locator('.relations')).toContainText('Gulmurod Khalimov');
  await expect(editor.getByRole('button', { name: 'Link claim' })).toBeFocused();
  // the statement box is as tall as a long statement, not three lines
  const statement = editor.getByLabel('Statement');
  const short = (await statement.boundingBox())!.height;
  await statement.fill('A long statement. '.repeat(40));
  expect((await statement.boundingBox())!.height).toBeGreaterThan(short * 2);
});

test('the claims panel filters by words and fields; Escape clears the filter (defect 5)', async ({
  page,
  fixturesDir,
}) => {
  await importAndOpen(page, join(fixturesDir, 'sample.txt'), /Khujand/);
  await createClaim(page, 'Gulmurod Khalimov');
  await createClaim(page, 'at least 27 deaths');
  const words = page.getByRole('searchbox', { name: 'Filter claims by words' });
  await words.fill('DEATHS');
  await expect(claimItems(page)).toHaveCount(1);
  await expect(claimItems(page).first()).toContainText('at least 27 deaths');
  await expect(page.locator('aside.claims .pane-count')).toHaveText('1 of 2 claims');
  await words.press('Escape');
  await expect(claimItems(page)).toHaveCount(2);
  await page.getByRole('combobox', { name: 'Filter by status' }).selectOption('reviewed');
  await expect(claimItems(page)).toHaveCount(0);
  await expect(page.locator('aside.claims')).toContainText('No claim here matches the filter.');
});
