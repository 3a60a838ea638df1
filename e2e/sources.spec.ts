/**
 * Issue 17: metadata found on import is shown as found until confirmed; a claim's citation is
 * copied with its page; a RIS file's reference fills the matching document's metadata.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { claimItems } from './app';
import { expect, test } from './fixtures';
import { selectOnPage } from './reader';

const CORPUS = process.env.CLAIMDESK_CORPUS ?? path.resolve(process.cwd(), '../shared/corpus');
const PDF = path.join(CORPUS, '002_1e1a6a2f2c58fe5b.pdf');
const TITLE = 'New approaches in combating international terrorism and extremism in Central Asia';
const SENTENCE =
  'Common principles of Central Asian countries in developing and ensuring national security systems are identified.';

async function pressCreateClaim(page: Page): Promise<void> {
  const before = await claimItems(page).count();
  await page.keyboard.press('c');
  const popover = page.getByRole('dialog', { name: 'Tag claim' });
  await expect(popover.or(claimItems(page).nth(before))).toBeVisible();
  if (await popover.isVisible()) await page.keyboard.press('Enter');
}

test('found metadata is confirmed, a citation is copied with its page, a RIS file fills the source', async ({
  page,
}) => {
  test.skip(!existsSync(PDF), `the sample corpus is not at ${CORPUS} (set CLAIMDESK_CORPUS)`);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import files' }).click();
  await (await chooser).setFiles(PDF);
  await expect(page.getByRole('list', { name: 'Import progress' })).toContainText('Imported', {
    timeout: 30_000,
  });
  await page
    .getByRole('listbox', { name: 'Documents' })
    .getByRole('option')
    .filter({ hasText: TITLE })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await expect(page.locator('.reader-meta')).toContainText(
    'Marzhan S. Orumbayeva, Toktokuchuk B. Mamytov, Aimen K. Kurmangali',
  );

  // found, with where from, until confirmed
  await page.getByRole('button', { name: 'Document details' }).click();
  const dialog = page.getByRole('dialog', { name: 'Document details' });
  await expect(dialog.getByLabel('DOI')).toHaveValue('10.58866/ZNHX7290');
  await expect(dialog.getByLabel('Author 3 family name')).toHaveValue('Kurmangali');
  await expect(
    dialog.locator('.found-badge').filter({ hasText: 'found in the first page (its title)' }),
  ).toBeVisible();
  await dialog.getByRole('button', { name: 'Confirm found metadata' }).click();
  await expect(dialog.locator('.found-badge')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Document details' }).click();
  await expect(dialog.getByLabel('Title')).toHaveValue(TITLE);
  await expect(dialog.locator('.found-badge')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // a claim on page 3, cited with its page
  // (on the page itself: the text view mounts only the sections near the viewport)
  await page.getByRole('button', { name: 'Pages' }).click();
  const pageBox = page.getByRole('textbox', { name: 'Page number' });
  await pageBox.fill('3');
  await pageBox.press('Enter');
  await expect(page.locator('.pdf-page[data-page-index="2"]')).toHaveAttribute(
    'data-ready',
    'true',
  );
  const selected = await selectOnPage(page, 2, SENTENCE);
  expect(selected.replace(/\s+/g, ' ')).toBe(SENTENCE);
  await pressCreateClaim(page);
  await claimItems(page).first().click();
  const editor = page.locator('.claim-editor');
  await editor.getByLabel('Citation style').selectOption('apa');
  await editor.getByRole('button', { name: 'Copy citation' }).click();
  // the first citation loads the citation engine and its styles: seconds on a loaded machine
  await expect(editor.locator('.copy-citation-text')).toHaveText(
    '(Orumbayeva et al., n.d., p. 3)',
    {
      timeout: 30_000,
    },
  );

  // a RIS file with the article's journal and year: matched by title, its fields filled
  const dir = await mkdtemp(path.join(tmpdir(), 'claimdesk-ris-'));
  try {
    const ris = path.join(dir, 'library.ris');
    await writeFile(
      ris,
      `TY  - JOUR\nTI  - ${TITLE}\nAU  - Orumbayeva, Marzhan S.\nPY  - 2023\nT2  - Central Asian Affairs\nER  - \n\nTY  - BOOK\nTI  - Another book waiting for its file\nAU  - Roe, Jane\nPY  - 2020\nER  - \n`,
    );
    const refs = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import references…' }).click();
    await (await refs).setFiles(ris);
    await expect(
      page.getByText(
        'library.ris: 2 references — 1 matched to sources here, 1 new (waiting for a file)',
      ),
    ).toBeVisible();
    await expect(page.locator('.reader-meta')).toContainText('2023');
    await editor.getByRole('button', { name: 'Copy citation' }).click();
    await expect(editor.locator('.copy-citation-text')).toHaveText(
      '(Orumbayeva et al., 2023, p. 3)',
    );
    await editor.getByLabel('Citation style').selectOption('chicago-author-date');
    await editor.getByRole('button', { name: 'Copy citation' }).click();
    await expect(editor.locator('.copy-citation-text')).toHaveText(
      '(Orumbayeva, Mamytov, and Kurmangali 2023, 3)',
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
