/**
 * Issue 17, item 5: the library as a researcher's list — columns for title, creators, year, type
 * and claims; sorted by a header (remembered), filtered by a box; both from the keyboard.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const WORKS = [
  {
    file: 'riot.html',
    title: 'The Khujand prison riot',
    authors: ['Roe, Jane'],
    date: '2015/11/08',
  },
  {
    file: 'radical.html',
    title: 'Radicalisation in Central Asia',
    authors: ['Lemon, Edward', 'Mironova, Vera', 'Tobey, William'],
    date: '2018/12/01',
  },
  {
    file: 'annual.html',
    title: 'Annual survey of the region',
    authors: ['Núñez, José'],
    date: '2009',
  },
];

const html = (w: (typeof WORKS)[number]) => `<!doctype html><html><head><title>${w.title}</title>
<meta name="citation_title" content="${w.title}">
${w.authors.map((a) => `<meta name="citation_author" content="${a}">`).join('\n')}
<meta name="citation_publication_date" content="${w.date}">
</head><body><h1>${w.title}</h1><p>A passage about ${w.title.toLowerCase()} for the list.</p></body></html>`;

const documents = (page: Page) =>
  page.getByRole('listbox', { name: 'Documents' }).getByRole('option');
const titles = (page: Page) => documents(page).locator('.doc-title').allTextContents();

test('the library sorts by year from its header, remembers it, and filters by author', async ({
  page,
}) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'claimdesk-list-'));
  try {
    const files = [];
    for (const w of WORKS) {
      const file = path.join(dir, w.file);
      await writeFile(file, html(w));
      files.push(file);
    }
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import files' }).click();
    await (await chooser).setFiles(files);
    await expect(documents(page)).toHaveCount(3);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const radical = documents(page).filter({ hasText: 'Radicalisation' });
  await expect(radical).toContainText('Lemon et al.');
  await expect(radical).toContainText('2018');

  // sort by year from the keyboard: the header's button, Enter
  const year = page.getByRole('columnheader', { name: 'Year' });
  await year.getByRole('button').focus();
  await page.keyboard.press('Enter');
  await expect(year).toHaveAttribute('aria-sort', 'ascending');
  expect(await titles(page)).toEqual([
    'Annual survey of the region',
    'The Khujand prison riot',
    'Radicalisation in Central Asia',
  ]);
  await year.getByRole('button').click();
  await expect(year).toHaveAttribute('aria-sort', 'descending');
  expect((await titles(page))[0]).toBe('Radicalisation in Central Asia');
  await expect(page.getByRole('status').filter({ hasText: 'by year, newest first' })).toBeVisible();

  // remembered across a reload
  await page.reload();
  await expect(page.getByRole('columnheader', { name: 'Year' })).toHaveAttribute(
    'aria-sort',
    'descending',
  );
  expect((await titles(page))[0]).toBe('Radicalisation in Central Asia');

  // filter by an author's name (any of them, accents or not), then ↓ into the list
  const filter = page.getByRole('searchbox', { name: /Filter documents/ });
  await filter.fill('mironova');
  await expect(documents(page)).toHaveCount(1);
  await expect(documents(page)).toContainText('Radicalisation in Central Asia');
  await filter.fill('nunez');
  await expect(documents(page)).toHaveText([/Annual survey of the region/]);
  await filter.press('ArrowDown');
  await expect(documents(page).first()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('.reader-title')).toHaveText('Annual survey of the region');

  // nothing matches: says so, and one button brings everything back
  await filter.fill('zzzz');
  await expect(page.getByText('No documents match “zzzz”.')).toBeVisible();
  await expect(documents(page)).toHaveCount(0);
  await page.getByRole('button', { name: 'Clear the filter' }).click();
  await expect(filter).toBeFocused();
  await expect(documents(page)).toHaveCount(3);
});
