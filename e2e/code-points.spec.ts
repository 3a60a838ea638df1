/**
 * Positions at the API count code points (issue 13): a claim made over RPC from code points, with
 * an emoji before it, is highlighted on exactly its words in the reader; an exported position fed
 * back to the API makes the same quote; search marks the right word after the emoji.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { claimItems, createClaim, importAndOpen } from './app';
import { expect, rpc, test } from './fixtures';

async function call<T>(page: Page, method: string, input: unknown): Promise<T> {
  const result = await rpc<T>(page, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error?.message}`);
  return result.value;
}

interface Exported {
  claims: { quote: { exact: string }; position: { start: number; end: number } }[];
}

test('an emoji before a claim: code points in, the right words highlighted and exported', async ({
  page,
  fixturesDir,
}) => {
  await importAndOpen(page, join(fixturesDir, 'sample.txt'), /Khujand/);
  const [doc] = await call<{ id: string }[]>(page, 'documents.list', {});
  const { text } = await call<{ text: string }>(page, 'documents.content', { id: doc!.id });
  // "was mixed" comes after "🙂": in code points one earlier than in UTF-16 units
  const start = text.indexOf('was mixed');
  const cpStart = [...text.slice(0, start)].length;
  expect(cpStart).toBe(start - 1);

  const made = await call<{ id: string; spans: { exact: string }[] }>(page, 'claims.create', {
    documentId: doc!.id,
    spans: [{ start: cpStart, end: cpStart + 'was mixed'.length }],
  });
  expect(made.spans[0]!.exact).toBe('was mixed');

  // the reader (UTF-16 inside) draws it on exactly those words
  await page.reload();
  await expect(page.locator('.rd-doc [data-start]').first()).toBeVisible();
  await expect(claimItems(page)).toHaveCount(1);
  await expect(page.locator(`mark[data-claims~="${made.id}"]`)).toHaveText('was mixed');

  // a claim made in the reader after the emoji exports code points that make the same quote
  const selected = await createClaim(page, 'online', 'online');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export claims' }).click();
  const exported = JSON.parse(await readFile((await (await download).path())!, 'utf8')) as Exported;
  const online = exported.claims.find((c) => c.quote.exact === selected)!;
  const again = await call<{ spans: { exact: string }[] }>(page, 'claims.create', {
    documentId: doc!.id,
    spans: [online.position],
  });
  expect(again.spans[0]!.exact).toBe(selected);

  // search: the snippet marks the word after the emoji, not half of the emoji
  await page.keyboard.press('/');
  await page.keyboard.type('mixed');
  const results = page.getByRole('listbox', { name: 'Search results' });
  const passages = results.getByRole('group', { name: /^Passages in / });
  await expect(passages.getByRole('option').locator('mark')).toHaveText(['mixed']);
});
