/**
 * Find and export: search the workspace, open a hit in the reader, narrow the claims table to one
 * claimant, and export exactly those claims as JSON and CSV through the UI (issue 5, Done means).
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, rpc, test } from './fixtures';

// The few browser globals used inside page.evaluate: this file compiles without the DOM library.
declare const CSS: {
  highlights?: { get(name: string): Iterable<{ toString(): string }> | undefined };
};

async function call<T>(page: Page, method: string, input: unknown): Promise<T> {
  const result = await rpc<T>(page, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error?.message}`);
  return result.value;
}

const KHUJAND = 'On 7 November 2018 a riot broke out in the high-security prison in Khujand.';
const DISPUTED = 'A relatives group disputed the official count of the dead.';
const CLAIMANT = 'Ministry of Justice';

/** A report long enough that its one Khujand passage starts far below the first screen. */
function report(): string {
  const filler = (i: number) =>
    `Paragraph ${i}. The monitoring team logged routine deliveries, staff rotations and ` +
    'visiting hours at the regional facilities; nothing in this entry bears on the events below.';
  return [
    'Regional monitoring notes',
    ...Array.from({ length: 60 }, (_, i) => filler(i + 1)),
    `${KHUJAND} Officials reported at least 27 deaths.`,
    ...Array.from({ length: 10 }, (_, i) => filler(i + 61)),
    DISPUTED,
  ].join('\n\n');
}

interface ClaimsFile {
  entities: { id: string; name: string }[];
  claims: {
    id: string;
    claimantId: string | null;
    quote: { exact: string };
    updatedAt: string;
  }[];
}

/**
 * Makes `claimId`'s claimant an organization. Through the entity methods when the backend has them;
 * otherwise by re-importing the claims JSON with the entity added (a merge by id, never a copy).
 */
async function setClaimant(page: Page, claimId: string, name: string): Promise<string> {
  const created = await rpc<{ id: string }>(page, 'entities.create', {
    kind: 'organization',
    name,
  });
  if (created.ok) {
    await call(page, 'claims.update', { id: claimId, patch: { claimantId: created.value.id } });
    return created.value.id;
  }
  expect(created.error?.code).toBe('unknown_method');
  const file = JSON.parse(
    (await call<{ text: string }>(page, 'export.claims', { format: 'json' })).text,
  ) as ClaimsFile & { entities: object[] };
  const later = new Date(Date.now() + 60_000).toISOString();
  const entityId = 'ent_00000000000000e1';
  file.entities.push({
    id: entityId,
    kind: 'organization',
    name,
    aliases: [],
    description: '',
    externalIds: {},
    createdAt: later,
    updatedAt: later,
  } as never);
  const claim = file.claims.find((c) => c.id === claimId)!;
  claim.claimantId = entityId;
  claim.updatedAt = later;
  await call(page, 'claims.importJson', { text: JSON.stringify(file) });
  return entityId;
}

/** RFC 4180 fields and records (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && ch === ',') {
      row.push(field);
      field = '';
    } else if (!quoted && ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += ch;
    }
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const event = page.waitForEvent('download');
  await page.getByRole('button', { name: button, exact: true }).click();
  const file = await event;
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

test('search, open the hit, filter the claims table by claimant, export the filter', async ({
  page,
}) => {
  // a source that mentions Khujand once, far down
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import files' }).click();
  await (
    await chooser
  ).setFiles({
    name: 'monitoring-notes.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(report(), 'utf8'),
  });
  await expect(page.getByRole('list', { name: 'Import progress' })).toContainText('Imported');

  // two claims, one of them with a claimant (set up through the backend: the claimant UI is
  // another feature's)
  const [doc] = await call<{ id: string }[]>(page, 'documents.list', {});
  const { text } = await call<{ text: string }>(page, 'documents.content', { id: doc!.id });
  const claimOn = (sentence: string) => {
    const start = text.indexOf(sentence);
    expect(start).toBeGreaterThan(0);
    return call<{ id: string }>(page, 'claims.create', {
      documentId: doc!.id,
      spans: [{ start, end: start + sentence.length }],
    });
  };
  const khujandClaim = await claimOn(KHUJAND);
  await claimOn(DISPUTED);
  const claimantId = await setClaimant(page, khujandClaim.id, CLAIMANT);

  // search from the keyboard: / focuses the box, results are grouped with the match marked
  await page.keyboard.press('/');
  const search = page.getByRole('combobox', { name: 'Search' });
  await expect(search).toBeFocused();
  await page.keyboard.type('Khujand');
  const results = page.getByRole('listbox', { name: 'Search results' });
  // passages come under their work (issue 17): "Passages in <the work's title>"
  const passages = results.getByRole('group', { name: /^Passages in / });
  await expect(passages.getByRole('option')).toHaveCount(1);
  await expect(passages.getByRole('option').locator('mark')).toHaveText(['Khujand']);
  await expect(results.getByRole('group', { name: 'Claims' }).getByRole('option')).toHaveCount(1);

  // a syntax mistake says what to fix; fixing it brings the results back
  await search.fill('"prison riot');
  await expect(page.getByRole('status').filter({ hasText: 'not closed' })).toBeVisible();
  await expect(search).toHaveAttribute('aria-invalid', 'true');
  await search.fill('Khujand');
  await expect(passages.getByRole('option')).toHaveCount(1);

  // Enter opens the first hit: the document, scrolled to the passage, the match highlighted
  await page.keyboard.press('ArrowDown');
  await expect(passages.getByRole('option')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(results).toBeHidden();
  const reader = page.getByRole('main', { name: 'Reader' });
  await expect(reader.getByRole('heading', { name: 'Regional monitoring notes' })).toBeVisible();
  await expect(reader.getByText(KHUJAND)).toBeInViewport();
  await expect(reader.getByText(/^Paragraph 1\. /)).not.toBeInViewport();
  await expect
    .poll(() =>
      page.evaluate(() => {
        const hit = CSS.highlights?.get('claimdesk-passage');
        return hit ? [...hit].map((r) => r.toString()).join('|') : null;
      }),
    )
    .toBe('Khujand');

  // the claims table: every claim, sortable, filtered by claimant
  await page.getByRole('button', { name: 'Claims table' }).click();
  await expect(page.getByRole('button', { name: 'Claims table' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  const table = page.getByRole('table', { name: 'Claims' });
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(2);
  const statementHeader = table.getByRole('columnheader', { name: 'Statement' });
  await statementHeader.getByRole('button').click();
  await expect(statementHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(rows.first()).toContainText(DISPUTED.slice(0, 20));

  const claimant = table.getByRole('combobox', { name: 'Filter by claimant' });
  await claimant.fill('minis');
  await page.getByRole('option', { name: CLAIMANT }).click();
  await expect(claimant).toHaveValue(CLAIMANT);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(KHUJAND);
  await expect(rows.first()).toContainText(CLAIMANT);
  await expect(page.getByText('1 claim matches the filter')).toBeVisible();

  // export the filter: JSON holds only the filtered claim, with its claimant resolvable
  const json = await download(page, 'Export JSON');
  expect(json.name).toMatch(/\.json$/);
  const exported = JSON.parse(json.bytes.toString('utf8')) as ClaimsFile;
  expect(exported.claims.map((c) => c.id)).toEqual([khujandClaim.id]);
  expect(exported.claims[0]!.quote.exact).toBe(KHUJAND);
  expect(exported.claims[0]!.claimantId).toBe(claimantId);
  expect(exported.entities.find((e) => e.id === claimantId)?.name).toBe(CLAIMANT);

  // CSV: UTF-8 with a byte order mark, a header row, one row per filtered claim
  const csv = await download(page, 'Export CSV');
  expect(csv.name).toMatch(/\.csv$/);
  expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [header, ...records] = parseCsv(csv.bytes.toString('utf8').replace(/^\uFEFF/, ''));
  expect(header).toEqual(expect.arrayContaining(['claim_id', 'statement', 'quote', 'claimant']));
  expect(records).toHaveLength(1);
  const record = Object.fromEntries(header!.map((h, i) => [h, records[0]![i]]));
  expect(record.claim_id).toBe(khujandClaim.id);
  expect(record.quote).toBe(KHUJAND);
  expect(record.claimant).toBe(CLAIMANT);

  // Enter on a row opens the claim in the reader, selected
  await rows.first().focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Reader', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  const selected = page
    .getByRole('listbox', { name: 'Claims' })
    .getByRole('option', { selected: true });
  await expect(selected).toContainText(KHUJAND);
});

test('saved filters, the workspace dialog and keyboard view switching', async ({ page }) => {
  await expect(page.getByRole('button', { name: 'Import files' })).toBeVisible();
  await page.keyboard.press('t');
  const table = page.getByRole('table', { name: 'Claims' });
  await expect(table).toBeVisible();
  await expect(page.getByText('No claims yet.')).toBeVisible();

  // save a filter by name, clear it, load it back, delete it
  await table.getByRole('combobox', { name: 'Filter by status' }).selectOption('reviewed');
  await page.getByRole('button', { name: 'Save filter…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save filter' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Reviewed only');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  const saved = page.getByRole('combobox', { name: 'Saved filter' });
  await expect(saved).toHaveValue('Reviewed only');
  await page.getByRole('button', { name: 'Clear filters' }).first().click();
  await expect(table.getByRole('combobox', { name: 'Filter by status' })).toHaveValue('');
  await saved.selectOption('Reviewed only');
  await expect(table.getByRole('combobox', { name: 'Filter by status' })).toHaveValue('reviewed');
  await page.getByRole('button', { name: 'Delete saved filter Reviewed only' }).click();
  await expect(saved.locator('option', { hasText: 'Reviewed only' })).toHaveCount(0);

  // the workspace dialog: a backup, listed with its size, and a restore that asks first
  await page.getByRole('button', { name: 'Workspace' }).click();
  const workspace = page.getByRole('dialog', { name: 'Workspace' });
  await workspace.getByRole('button', { name: 'Backup now' }).click();
  await expect(workspace.getByRole('status').filter({ hasText: 'Saved claimdesk-' })).toBeVisible();
  const backups = workspace.getByRole('table', { name: 'Backups' });
  await expect(backups.locator('tbody tr')).toHaveCount(1);
  await expect(backups.locator('tbody tr')).toContainText(/\d+(\.\d)? (KB|MB)/);
  await backups.getByRole('button', { name: 'Restore…' }).click();
  await expect(workspace).toContainText('Claimdesk reloads');
  await expect(workspace.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await workspace.getByRole('button', { name: 'Cancel' }).click();
  // the bundle arrives as the file itself (not inside a JSON reply), whole, with its own name
  const bundle = await download(page, 'Export workspace bundle');
  expect(bundle.name).toMatch(/^claimdesk-workspace-[\d-]+\.claimdesk-bundle\.jsonl$/);
  const [header, ...records] = bundle.bytes.toString('utf8').trimEnd().split('\n');
  expect(JSON.parse(header!)).toMatchObject({ format: 'claimdesk.bundle', version: 1 });
  expect(records.length).toBeGreaterThan(0);
  await expect(workspace.getByRole('status').filter({ hasText: bundle.name })).toBeVisible();
  await workspace.getByRole('button', { name: 'Close' }).click();
  await expect(workspace).toBeHidden();

  // T goes back to the reader
  await page.keyboard.press('t');
  await expect(page.getByRole('button', { name: 'Reader', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
});
