/**
 * Steps many specs take: import a file and open it, make a claim from the keyboard, find the claims
 * panel's items.
 */
import type { Page } from '@playwright/test';
import { expect } from './fixtures';
import { selectText } from './reader';

/** The claims panel's options (a listbox; the selected claim's editor is a region after it). */
export const claimItems = (page: Page) =>
  page.getByRole('listbox', { name: 'Claims' }).getByRole('option');

export async function importAndOpen(page: Page, file: string, title: RegExp): Promise<void> {
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

/** C, then Enter with nothing typed: a bare claim over the passage. */
export async function createClaim(page: Page, from: string, to = from): Promise<string> {
  const selected = await selectText(page, from, to);
  const before = await claimItems(page).count();
  await page.keyboard.press('c');
  await expect(page.getByRole('dialog', { name: 'Tag claim' })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(claimItems(page)).toHaveCount(before + 1);
  return selected;
}
