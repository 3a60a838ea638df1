/**
 * Issue 17, item 1: the TXT and the HTML of one work, attached to one source, are one group in
 * search results and in suggested mentions — listed once, with the work's files, a hit opening
 * the file chosen.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, rpc, test } from './fixtures';

const TITLE = 'Prison riot in Khujand';
const PARAGRAPHS = [
  'On 7 November 2018 a riot in the Khujand prison reportedly left at least 27 people dead.',
  'Among the organisers named later was Gulmurod Khalimov, who had defected to ISIS in 2015.',
];

const documents = (page: Page) =>
  page.getByRole('listbox', { name: 'Documents' }).getByRole('option');

async function importWork(page: Page): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'claimdesk-work-'));
  try {
    const txt = path.join(dir, 'khujand.txt');
    const html = path.join(dir, 'khujand.html');
    await writeFile(txt, [TITLE, ...PARAGRAPHS].join('\n\n'));
    await writeFile(
      html,
      `<!doctype html><html><head><title>${TITLE}</title></head><body><nav>Home · News</nav>` +
        `<h1>${TITLE}</h1>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</body></html>`,
    );
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import files' }).click();
    await (await chooser).setFiles([txt, html]);
    await expect(documents(page)).toHaveCount(2);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test('two files of one work are one group in search and in suggested mentions', async ({
  page,
}) => {
  await importWork(page);
  // the HTML is the same work as the TXT: attach it in its details
  await documents(page).filter({ hasText: 'HTML' }).click();
  await page.getByRole('button', { name: 'Document details' }).click();
  const dialog = page.getByRole('dialog', { name: 'Document details' });
  await dialog.getByLabel('Same work as').selectOption({ label: TITLE });
  await expect(dialog).toBeHidden();

  // search: one group for the work, its files listed, one hit
  const box = page.getByRole('combobox', { name: 'Search' });
  await box.fill('Khalimov');
  const results = page.getByRole('listbox', { name: 'Search results' });
  const work = results.getByRole('group', { name: `Passages in ${TITLE}` });
  await expect(work).toHaveCount(1);
  await expect(work.getByRole('option')).toHaveCount(1);
  const files = work.getByRole('group', { name: 'Open in file' });
  await expect(files.getByRole('button')).toHaveText(['HTML', 'TXT']);
  await expect(files.getByRole('button', { name: 'HTML' })).toHaveAttribute('aria-pressed', 'true');
  await expect(results.getByRole('option')).toHaveCount(1);

  // Alt+→ chooses the TXT; Enter opens the hit there
  await box.press('ArrowDown');
  await box.press('Alt+ArrowRight');
  await expect(files.getByRole('button', { name: 'TXT' })).toHaveAttribute('aria-pressed', 'true');
  await box.press('Enter');
  await expect(page.locator('.reader-title')).toHaveAttribute('title', 'khujand.txt');
  await expect(page.locator('.rd-doc')).toContainText('Gulmurod Khalimov');

  // suggested mentions: the name is in both files, suggested once under the work
  await page.keyboard.press('g');
  await page.getByRole('button', { name: 'New entity' }).click();
  await page.getByRole('textbox', { name: 'Name' }).fill('Gulmurod Khalimov');
  await page.getByRole('combobox', { name: 'Kind' }).selectOption('person');
  await page.getByRole('button', { name: 'Create entity' }).click();
  await expect(page.getByRole('textbox', { name: 'Name' })).toHaveValue('Gulmurod Khalimov');
  await page.getByRole('button', { name: /^Suggested mentions/ }).click();
  const review = page.getByRole('region', { name: 'Suggested mentions' });
  const entity = review.getByRole('region', { name: 'Gulmurod Khalimov' });
  await expect(entity.getByRole('list')).toHaveCount(1);
  await expect(entity.getByRole('list', { name: `In ${TITLE}` }).getByRole('listitem')).toHaveCount(
    1,
  );
  await expect(entity.getByRole('group', { name: 'Open in file' }).getByRole('button')).toHaveText([
    'HTML',
    'TXT',
  ]);
  // accepting it marks the mention in both files
  await entity.getByRole('button', { name: /^Accept “/ }).click();
  await expect(review).toContainText('Nothing to review');
  const mentions = await rpc<{ documentId: string }[]>(page, 'mentions.list', {});
  expect(new Set(mentions.value.map((m) => m.documentId)).size).toBe(2);
});
