/**
 * Issue 20's workflow on the sample corpus: write a finding in a notebook, embed the two
 * contradicting accounts of the Khujand riot's toll with `[[`, mention the place with `@`, and
 * export the notebook as DOCX and Markdown, reading both files back.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import type { Page } from '@playwright/test';
import { expect, rpc, test } from './fixtures';

const CORPUS = process.env.CLAIMDESK_CORPUS ?? resolve(process.cwd(), '../shared/corpus');
const RIOTS = '000_5053e8388b8085f0.txt'; // the Vakhdat and Khujand prison riots
const AT_LEAST_27 = 'a prison riot left at least 27 people dead';
const CLOSER_TO_50 = 'non-governmental sources have said the figure is closer to 50';

async function call<T>(page: Page, method: string, input: unknown): Promise<T> {
  const result = await rpc<T>(page, method, input);
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  return result.value;
}

async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const event = page.waitForEvent('download');
  await page.getByRole('button', { name: button, exact: true }).click();
  const file = await event;
  return { name: file.suggestedFilename(), bytes: await readFile((await file.path())!) };
}

/** Types `[[words` and takes the claim offered. */
async function embedClaim(page: Page, words: string): Promise<void> {
  await page.keyboard.type(`[[${words}`);
  const options = page.getByRole('listbox', { name: 'Claims' }).getByRole('option');
  await expect(options.first()).toContainText(words);
  await page.keyboard.press('Enter');
}

test('a finding with two contradicting claims and a mention, exported as DOCX and Markdown', async ({
  page,
}, testInfo) => {
  const file = join(CORPUS, RIOTS);
  test.skip(!existsSync(file), `the sample corpus is not at ${CORPUS} (set CLAIMDESK_CORPUS)`);
  test.setTimeout(120_000);

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import files' }).click();
  await (await chooser).setFiles([file]);
  await expect(
    page
      .getByRole('list', { name: 'Import progress' })
      .getByRole('listitem')
      .filter({ hasText: 'Imported' }),
  ).toHaveCount(1);

  // the two accounts as claims, and the place as an entity (their own UIs are tested elsewhere)
  const [doc] = await call<{ id: string; meta: { title: string } }[]>(page, 'documents.list', {});
  const { text } = await call<{ text: string }>(page, 'documents.content', { id: doc!.id });
  const claimIds: string[] = [];
  for (const quote of [AT_LEAST_27, CLOSER_TO_50]) {
    const at = text.indexOf(quote);
    expect(at).toBeGreaterThan(0);
    const start = [...text.slice(0, at)].length; // the API counts code points
    const claim = await call<{ id: string }>(page, 'claims.create', {
      documentId: doc!.id,
      spans: [{ start, end: start + [...quote].length }],
    });
    claimIds.push(claim.id);
  }
  await call(page, 'entities.create', { kind: 'place', name: 'Khujand' });

  await page.getByRole('button', { name: 'Notebooks' }).click();
  await page.getByRole('button', { name: 'New notebook' }).click();
  const title = page.getByRole('textbox', { name: 'Notebook title' });
  await title.fill('The Khujand toll');
  await title.press('Enter');

  const editor = page.getByRole('textbox', { name: /^Notebook:/ });
  await editor.click();
  await page.keyboard.type('## Finding');
  await page.keyboard.press('Enter');
  await page.keyboard.type('The toll of the riot in ');
  await page.keyboard.type('@Khuj');
  const entities = page.getByRole('listbox', { name: 'Entities' });
  await expect(entities.getByRole('option', { selected: true })).toContainText('Khujand');
  await page.keyboard.press('Enter');
  await page.keyboard.type('is disputed: officials say ');
  await embedClaim(page, 'at least 27');
  await page.keyboard.type(' while others say ');
  await embedClaim(page, 'closer to 50');
  await page.keyboard.type('.');

  await expect(editor.getByRole('heading', { name: 'Finding' })).toBeVisible();
  const cards = editor.locator('.nb-claim');
  await expect(cards).toHaveCount(2);
  await expect(cards.nth(0)).toContainText(AT_LEAST_27);
  await expect(cards.nth(1)).toContainText(CLOSER_TO_50);
  await expect(editor.locator('.nb-mention')).toHaveText('@Khujand');
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 1024, height: 720 });
    await page.screenshot({ path: testInfo.outputPath(`notebook-${scheme}.png`) });
  }

  // the notes and bibliography in the style chosen here, as "Copy citation" formats each claim
  await page
    .getByRole('combobox', { name: 'Citation style' })
    .selectOption({ label: 'Chicago 17th edition (author-date)' });
  const expected = [];
  for (const id of claimIds) {
    expected.push(
      await call<{ citation: string; bibliography: string[] }>(page, 'citations.cite', {
        claimIds: [id],
        style: 'chicago-author-date',
      }),
    );
  }
  expect(expected[0]!.citation).toContain(doc!.meta.title);

  const docx = await download(page, 'DOCX');
  expect(docx.name).toBe('The-Khujand-toll.docx');
  const zip = await JSZip.loadAsync(docx.bytes);
  const footnotes = await zip.file('word/footnotes.xml')!.async('string');
  const noteText = (id: number) =>
    [
      ...new RegExp(`<w:footnote w:id="${id}">([\\s\\S]*?)</w:footnote>`)
        .exec(footnotes)![1]!
        .matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g),
    ]
      .map((m) => m[1])
      .join('');
  expect(noteText(1)).toBe(expected[0]!.citation);
  expect(noteText(2)).toBe(expected[1]!.citation);
  const body = await zip.file('word/document.xml')!.async('string');
  expect([...body.matchAll(/<w:footnoteReference w:id="(\d+)"\/>/g)].map((m) => m[1])).toEqual([
    '1',
    '2',
  ]);
  const { value: docxText } = await mammoth.extractRawText({ buffer: docx.bytes });
  expect(docxText).toContain('The toll of the riot in @Khujand is disputed: officials say');
  expect(docxText).toContain(`“${AT_LEAST_27}”`);
  expect(docxText).toContain(`“${CLOSER_TO_50}”`);
  expect(docxText).toContain('Bibliography');
  // one work cited twice: one bibliography entry
  expect(expected[1]!.bibliography).toEqual(expected[0]!.bibliography);
  expect(docxText).toContain(expected[0]!.bibliography[0]);

  const md = (await download(page, 'Markdown')).bytes.toString('utf8');
  // (read back as text: Markdown escapes are undone)
  const unescape = (s: string) => s.replace(/\\(.)/g, '$1');
  expect(md).toContain('# The Khujand toll');
  expect(md).toContain('## Finding');
  expect(md).toContain(
    `The toll of the riot in @Khujand is disputed: officials say “${AT_LEAST_27}”[^1] while others say “${CLOSER_TO_50}”[^2].`,
  );
  const mdNotes = [...md.matchAll(/^\[\^(\d+)\]: (.*)$/gm)];
  expect(mdNotes.map((m) => m[1])).toEqual(['1', '2']);
  expect(mdNotes.map((m) => unescape(m[2]!))).toEqual(expected.map((e) => e.citation));
  const bibliography = md
    .slice(md.indexOf('## Bibliography'), md.indexOf('## Evidence'))
    .split('\n')
    .filter((line) => line.startsWith('- '))
    .map((line) => unescape(line.slice(2)));
  expect(bibliography).toEqual(expected[0]!.bibliography);
  expect(md).toContain('## Evidence');

  // the notebook is found by the search box
  await page.getByRole('combobox', { name: /search/i }).fill('disputed');
  // (the notebook list is a listbox too: look in the search results only)
  await expect(page.locator('.search-title').filter({ hasText: 'The Khujand toll' })).toBeVisible();

  // clicking an embedded claim opens its passage in the reader, the claim selected
  await page.getByRole('button', { name: 'Notebooks', exact: true }).click();
  await cards.nth(0).getByRole('button').click();
  await expect(page.getByRole('button', { name: 'Reader', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(
    page.getByRole('listbox', { name: 'Claims' }).getByRole('option', { selected: true }),
  ).toContainText(AT_LEAST_27);

  // a claim deleted later stays in the notebook as "deleted claim" with its last quote
  await call(page, 'claims.delete', { id: claimIds[1] });
  await page.getByRole('button', { name: 'Notebooks', exact: true }).click();
  await expect(cards.nth(1)).toHaveClass(/is-deleted/);
  await expect(cards.nth(1)).toContainText('deleted claim');
  await expect(cards.nth(1)).toContainText(CLOSER_TO_50);
  await expect(cards.nth(0)).not.toHaveClass(/is-deleted/);
  await page.screenshot({ path: testInfo.outputPath('notebook-deleted-claim.png') });

  // Ctrl+click on the mention opens the entity's page, which lists the notebooks about it
  await editor.locator('.nb-mention').click({ modifiers: ['Control'] });
  const notebooksAbout = page.getByRole('list', { name: 'Notebooks about Khujand' });
  await expect(page.getByRole('button', { name: 'New notebook about Khujand' })).toBeVisible();
  await expect(notebooksAbout).toHaveCount(0);
  await page.getByRole('button', { name: 'New notebook about Khujand' }).click();
  await expect(page.getByRole('textbox', { name: 'Notebook title' })).toHaveValue(
    'Notes on Khujand',
  );
  await page.getByRole('button', { name: /^Entities/ }).click();
  await expect(notebooksAbout.getByRole('button')).toHaveText([/^Notes on Khujand/]);
  await page.screenshot({ path: testInfo.outputPath('entity-notebooks.png') });
  await notebooksAbout.getByRole('button').click();
  await expect(page.getByRole('textbox', { name: 'Notebook title' })).toHaveValue(
    'Notes on Khujand',
  );

  // a claim dragged from the claims table onto the Notebooks button, then into the open notebook
  await page.getByRole('button', { name: /^Claims table/ }).click();
  const row = page
    .getByRole('table', { name: 'Claims' })
    .locator('tr')
    .filter({ hasText: AT_LEAST_27 });
  await row.hover();
  await page.mouse.down();
  await page.getByRole('button', { name: 'Notebooks', exact: true }).hover();
  const notes = page.getByRole('textbox', { name: 'Notebook: Notes on Khujand' });
  await expect(notes).toBeVisible();
  await notes.hover();
  await page.mouse.up();
  await expect(notes.locator('.nb-claim')).toHaveCount(1);
  await expect(notes.locator('.nb-claim')).toContainText(AT_LEAST_27);
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();

  // reopened, the stored notebook is not an undo step: Ctrl+Z right away leaves it as it was
  await page.getByRole('listbox', { name: 'Notebooks' }).getByText('The Khujand toll').click();
  await expect(editor.getByRole('heading', { name: 'Finding' })).toBeVisible();
  await editor.click();
  await page.keyboard.press('Control+z');
  await expect(editor.getByRole('heading', { name: 'Finding' })).toBeVisible();
  await expect(cards).toHaveCount(2);
  // the first edit after reopening is undone back to the stored notebook, and never past it
  await editor.getByRole('heading', { name: 'Finding' }).click();
  await page.keyboard.press('End');
  await page.keyboard.type(' (draft)');
  await expect(editor.getByRole('heading', { name: 'Finding (draft)' })).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(editor.getByRole('heading', { name: 'Finding', exact: true })).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(editor.getByRole('heading', { name: 'Finding', exact: true })).toBeVisible();
  await expect(cards).toHaveCount(2);
});
