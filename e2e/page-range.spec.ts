/**
 * Page ranges (issue 13, item 4): a claim selected across the break between two pages of a PDF
 * cites both pages, "pp. 1–2", in the claims panel and in the claims JSON export.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writePdf } from '../src/main/test/pdf-writer';
import { claimItems, createClaim, importAndOpen } from './app';
import { expect, test } from './fixtures';

interface ExportedClaims {
  claims: {
    id: string;
    page: { index: number; label: string } | null;
    pages: { start: { index: number; label: string }; end: { index: number; label: string } };
    spans: { pages: { start: { index: number }; end: { index: number } } }[];
  }[];
}

test('a claim across a PDF page break shows pp. 1–2 and exports both pages', async ({ page }) => {
  const file = join(mkdtempSync(join(tmpdir(), 'claimdesk-pages-')), 'two-pages.pdf');
  writeFileSync(
    file,
    writePdf({
      title: 'Two pages of a report',
      pageTexts: ['The first page ends with the riot.', 'The second page begins with the toll.'],
    }),
  );
  await importAndOpen(page, file, /Two pages of a report/);

  await createClaim(page, 'with the riot.', 'The second page');
  const item = claimItems(page).first();
  await expect(item.locator('.chip-page')).toHaveText('pp. 1–2');
  const claimId = await item.getAttribute('data-claim-id');
  await page.screenshot({ path: join(tmpdir(), 'claimdesk-page-range.png') });

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export claims' }).click();
  const exported = JSON.parse(
    await readFile((await (await download).path())!, 'utf8'),
  ) as ExportedClaims;
  const claim = exported.claims.find((c) => c.id === claimId)!;
  expect(claim.page).toEqual({ index: 0, label: '1' });
  expect(claim.pages).toEqual({ start: { index: 0, label: '1' }, end: { index: 1, label: '2' } });
  expect(claim.spans[0]!.pages).toMatchObject({ start: { index: 0 }, end: { index: 1 } });
});
