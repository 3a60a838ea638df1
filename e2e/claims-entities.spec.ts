/**
 * Issue 4's workflow on two real sources: an entity with an alias found in both by auto-mentions, a
 * claim tagged from the keyboard (claimant created on the spot, subject, type, certainty, date), two
 * claims linked as contradicting, a duplicate entity merged and the merge undone, and the export
 * carrying all of it.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { claimItems } from './app';
import { expect, test } from './fixtures';
import { selectText } from './reader';

const CORPUS = process.env.CLAIMDESK_CORPUS ?? resolve(process.cwd(), '../shared/corpus');
const RIOTS = '000_5053e8388b8085f0.txt'; // Vakhdat and Khujand prison riots, "Gulmurod Khalimov"
const DEFECTION = '004_77afb1bee83c047c.txt'; // "Gumurod Halimov" defects to ISIS
// 000 starts with prose, so its title is its file name; 004's headline follows a photo caption
const RIOTS_TITLE = /^000_5053e8388b8085f0/;
const DEFECTION_TITLE = /^Tajikistan’s Security Chief Has Gone Over to ISIS/;

const claimItem = (page: Page, text: string) => claimItems(page).filter({ hasText: text });

async function openDocument(page: Page, title: RegExp): Promise<void> {
  await page.getByRole('button', { name: 'Reader' }).click();
  await page
    .getByRole('listbox', { name: 'Documents' })
    .getByRole('option')
    .filter({ hasText: title })
    .click();
  await expect(page.getByRole('main', { name: 'Reader' })).toContainText(
    title.source.replace(/^\^/, '').replace(/\\/g, ''),
  );
}

/** C, then Enter with nothing typed: a bare claim over the passage. */
async function quickClaim(page: Page, from: string, to?: string): Promise<void> {
  await selectText(page, from, to);
  const before = await claimItems(page).count();
  await page.keyboard.press('c');
  await expect(page.getByRole('dialog', { name: 'Tag claim' })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(claimItems(page)).toHaveCount(before + 1);
}

async function showEntity(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: /^Entities/ }).click();
  await page
    .getByRole('navigation', { name: 'Entities' })
    .getByRole('button', { name: new RegExp(`^${name.replace(/\./g, '\\.')}`) })
    .click();
  await expect(page.getByRole('textbox', { name: 'Name' })).toHaveValue(name);
}

interface Exported {
  documents: { id: string; title: string }[];
  entities: { id: string; name: string; kind: string; aliases: string[] }[];
  mentions: { documentId: string; entityId: string; quote: { exact: string } }[];
  claims: {
    id: string;
    documentId: string;
    quote: { exact: string };
    claimantId: string | null;
    subjectIds: string[];
    type: string;
    certainty: string | null;
    eventDate: string | null;
    relations: { kind: string; direction: string; claimId: string }[];
  }[];
}

test('entities, auto-mentions, keyboard tagging, relations, merge and undo, export', async ({
  page,
}) => {
  const files = [RIOTS, DEFECTION].map((f) => join(CORPUS, f));
  const missing = files.filter((f) => !existsSync(f));
  if (missing.length > 0) {
    console.log(
      `[e2e] claims-entities skipped: ${missing.join(', ')} not found (CLAIMDESK_CORPUS)`,
    );
  }
  test.skip(missing.length > 0, `corpus texts not found in ${CORPUS} (set CLAIMDESK_CORPUS)`);
  test.setTimeout(300_000);

  // import both texts through the file input
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import files' }).click();
  await (await chooser).setFiles(files);
  const progress = page.getByRole('list', { name: 'Import progress' });
  await expect(progress.getByRole('listitem').filter({ hasText: 'Imported' })).toHaveCount(2, {
    timeout: 30_000,
  });

  // the entity and its alias, through the Entities view
  await page.keyboard.press('g');
  await page.getByRole('button', { name: 'New entity' }).click();
  await page.getByRole('textbox', { name: 'Name' }).fill('Gulmurod Khalimov');
  await page.getByRole('combobox', { name: 'Kind' }).selectOption('person');
  await page.getByRole('button', { name: 'Create entity' }).click();
  await expect(page.getByRole('textbox', { name: 'Name' })).toHaveValue('Gulmurod Khalimov');
  await page.getByRole('textbox', { name: 'Add alias' }).fill('Gumurod Halimov');
  await page.getByRole('textbox', { name: 'Add alias' }).press('Enter');
  await expect(page.getByRole('button', { name: 'Remove alias Gumurod Halimov' })).toBeVisible();

  // auto-mentions: the name in one document, the alias in the other
  await page.getByRole('button', { name: /^Suggested mentions/ }).click();
  const review = page.getByRole('region', { name: 'Suggested mentions' });
  const group = review.getByRole('region', { name: 'Gulmurod Khalimov' });
  await expect(group.getByRole('list', { name: /^In 000_5053e8388b8085f0/ })).toContainText(
    'Gulmurod Khalimov',
  );
  await expect(group.getByRole('list', { name: /^In Tajikistan’s Security Chief/ })).toContainText(
    'Gumurod Halimov',
  );
  await review.getByRole('button', { name: 'Accept all', exact: true }).click();
  await expect(review).toContainText('Nothing to review');

  // accepted: on the entity page, and underlined in the reader as a person
  await showEntity(page, 'Gulmurod Khalimov');
  const mentionsIn = (title: RegExp) =>
    page.getByRole('list', { name: new RegExp(`^Mentions in ${title.source.slice(1)}`) });
  await expect(mentionsIn(RIOTS_TITLE).getByRole('listitem')).toHaveCount(3);
  await expect(mentionsIn(DEFECTION_TITLE).getByRole('listitem')).toHaveCount(1);
  // a mention on the entity page opens its document at the passage, marked
  await mentionsIn(DEFECTION_TITLE)
    .getByRole('button', { name: /Gumurod Halimov/ })
    .click();
  await expect(page.getByRole('main', { name: 'Reader' })).toContainText('Tajikistani soldiers');
  await expect
    .poll(() =>
      page.evaluate(() => {
        const css = (
          globalThis as unknown as { CSS: { highlights: Map<string, Iterable<object>> } }
        ).CSS;
        const ranges = [...(css.highlights.get('claimdesk-passage') ?? [])];
        return ranges.map((r) => String(r)).join('|');
      }),
    )
    .toBe('Gumurod Halimov');
  await openDocument(page, RIOTS_TITLE);
  await expect(page.locator('.rd-doc .rd-mention[data-kind="person"]')).toHaveText(
    Array(3).fill('Gulmurod Khalimov'),
  );

  // a claim from the keyboard: claimant ISIS created in the popover, subject, type, certainty, date
  await selectText(page, 'he defected to ISIS in 2015');
  await page.keyboard.press('c');
  const popover = page.getByRole('dialog', { name: 'Tag claim' });
  await expect(popover.getByRole('combobox', { name: 'Claimant' })).toBeFocused();
  await page.keyboard.type('ISIS');
  // a new name is not created by Enter: "Create" is chosen, and then asks for the kind
  const createIsis = popover.getByRole('option', { name: 'Create “ISIS”…' });
  await expect(createIsis).toBeVisible();
  await expect(createIsis).toHaveAttribute('aria-selected', 'false');
  await page.keyboard.press('End');
  // the search's answer may still replace the options: Enter once "Create" is highlighted, as a
  // researcher would (on a loaded machine the Enter otherwise met the list being replaced)
  await expect(createIsis).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  const asOrganization = popover.getByRole('option', { name: 'Create “ISIS” as organization' });
  await expect(asOrganization).toBeVisible();
  await page.keyboard.press('ArrowDown'); // person
  await page.keyboard.press('ArrowDown'); // organization
  await expect(asOrganization).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(popover.getByRole('button', { name: 'Remove ISIS' })).toBeAttached();
  await page.keyboard.press('Tab');
  await expect(popover.getByRole('combobox', { name: 'Subjects' })).toBeFocused();
  await page.keyboard.type('khal');
  await expect(popover.getByRole('option', { name: /Gulmurod Khalimov/ })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await page.keyboard.press('Enter');
  await expect(popover.getByRole('button', { name: 'Remove Gulmurod Khalimov' })).toBeAttached();
  await page.keyboard.press('Tab');
  await page.keyboard.type('ev');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.type('al');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(popover.getByRole('textbox', { name: 'Event date' })).toBeFocused();
  await page.keyboard.type('2015');
  await page.keyboard.press('Enter');
  await expect(popover).toBeHidden();
  const tagged = claimItem(page, 'he defected to ISIS in 2015');
  await expect(tagged).toHaveAttribute('aria-selected', 'true');
  await expect(tagged.locator('.claim-roles')).toHaveText(/ISIS\s*→\s*Gulmurod Khalimov/);
  await expect(tagged.locator('.claim-chips')).toContainText('event');
  await expect(tagged.locator('.claim-chips')).toContainText('alleged');
  await expect(tagged.locator('.claim-chips')).toContainText('2015');

  // one gesture, one undo step: Ctrl+Z removes the claim and the ISIS created for it
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('contentinfo')).toContainText(
    'Undid: create claim "he defected to ISIS in…"',
  );
  await expect(tagged).toHaveCount(0);
  await selectText(page, 'he defected to ISIS in 2015');
  await page.keyboard.press('c');
  await page.keyboard.type('ISIS');
  await expect(createIsis).toBeVisible();
  await expect(popover.getByRole('option', { name: /^ISIS/ })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(popover).toBeHidden();
  // and redo brings both back, as one step
  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByRole('contentinfo')).toContainText('Redid: create claim');
  await expect(tagged.locator('.claim-roles')).toHaveText(/ISIS\s*→\s*Gulmurod Khalimov/);

  // Escape leaves no trace
  await selectText(page, 'Khujand prison often holds');
  await page.keyboard.press('c');
  await page.keyboard.type('IS');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Tag claim' })).toBeHidden();
  await expect(claimItems(page)).toHaveCount(1);

  // two claims about the Khujand toll, linked as contradicting
  await quickClaim(page, 'a prison riot left at least 27 people dead');
  await quickClaim(page, 'non-governmental sources have said the figure is closer to 50');
  await claimItem(page, 'at least 27 people dead').click();
  await page.getByRole('button', { name: 'Link claim' }).click();
  await page.getByRole('radio', { name: 'contradicts' }).click();
  await page.getByRole('combobox', { name: 'Find a claim to link' }).fill('closer to 50');
  await expect(
    page
      .getByRole('listbox', { name: 'Claims to link' })
      .getByRole('option', { name: /closer to 50/ }),
  ).toBeVisible();
  await page.getByRole('combobox', { name: 'Find a claim to link' }).press('Enter');
  const related = page.getByRole('list', { name: 'Related claims' });
  await expect(related).toContainText('contradicts');
  await expect(related).toContainText('closer to 50');
  // the other side shows it too, and a click on it goes back
  await related.getByRole('button', { name: /closer to 50/ }).click();
  await expect(claimItem(page, 'closer to 50')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('list', { name: 'Related claims' })).toContainText(
    'at least 27 people dead',
  );

  // E on a surname: a duplicate entity created from the mention popover
  await selectText(page, "Khalimov's defection", 'Khalimov');
  await page.keyboard.press('e');
  const mention = page.getByRole('dialog', { name: 'Tag entity mention' });
  await expect(mention.getByRole('combobox', { name: 'Entity' })).toHaveValue('Khalimov');
  await page.keyboard.type('G. Khalimov');
  await mention.getByRole('option', { name: 'Create “G. Khalimov”…' }).click();
  // the kind is chosen from the keyboard: the list of kinds is taller, and near the window's foot
  // it flips above the field while it grows, so a click aimed at it could land where it just was
  const asPerson = mention.getByRole('option', { name: 'Create “G. Khalimov” as person' });
  await expect(asPerson).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(asPerson).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(mention).toBeHidden();
  await expect(page.locator('.rd-doc .rd-mention[data-kind="person"]')).toHaveCount(4);

  // merge the duplicate into Gulmurod Khalimov; the dialog says what moves
  await showEntity(page, 'Gulmurod Khalimov');
  await page.getByRole('button', { name: 'Merge duplicates…' }).click();
  const merge = page.getByRole('dialog', { name: 'Merge into “Gulmurod Khalimov”' });
  await merge.getByRole('combobox', { name: 'Entities to merge' }).fill('G. Khalimov');
  await merge.getByRole('option', { name: /^G\. Khalimov/ }).click();
  await expect(merge).toContainText('1 mention and 0 claims');
  await expect(merge).toContainText('Added as aliases: “G. Khalimov”');
  await merge.getByRole('button', { name: 'Merge', exact: true }).click();
  await expect(merge).toBeHidden();
  const entityList = page.getByRole('navigation', { name: 'Entities' });
  await expect(entityList.getByRole('button', { name: /^G\. Khalimov/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Remove alias G. Khalimov' })).toBeVisible();
  await expect(mentionsIn(RIOTS_TITLE).getByRole('listitem')).toHaveCount(4);

  // undo the merge: the duplicate and its mention are back, the alias is gone
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('contentinfo')).toContainText('Undid: merge entities');
  await expect(entityList.getByRole('button', { name: /^G\. Khalimov/ })).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Remove alias G. Khalimov' })).toHaveCount(0);
  await expect(mentionsIn(RIOTS_TITLE).getByRole('listitem')).toHaveCount(3);

  // export: every field, with claimant and subjects resolvable among the entities
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export claims' }).click();
  const file = await download;
  const exported = JSON.parse(await readFile(await file.path(), 'utf8')) as Exported;
  const entity = (id: string | null) => exported.entities.find((e) => e.id === id);
  const doc = (title: RegExp) => exported.documents.find((d) => title.test(d.title))!;

  const claim = exported.claims.find((c) => c.quote.exact === 'he defected to ISIS in 2015')!;
  expect(claim).toBeDefined();
  expect(entity(claim.claimantId)).toMatchObject({ name: 'ISIS', kind: 'organization' });
  expect(claim.subjectIds).toHaveLength(1);
  expect(entity(claim.subjectIds[0]!)).toMatchObject({
    name: 'Gulmurod Khalimov',
    kind: 'person',
    aliases: ['Gumurod Halimov'],
  });
  expect(claim).toMatchObject({ type: 'event', certainty: 'alleged', eventDate: '2015' });

  const low = exported.claims.find((c) => c.quote.exact.includes('at least 27 people dead'))!;
  const high = exported.claims.find((c) => c.quote.exact.includes('closer to 50'))!;
  expect(low.relations).toEqual([
    expect.objectContaining({ kind: 'contradicts', direction: 'outgoing', claimId: high.id }),
  ]);
  expect(high.relations).toEqual([
    expect.objectContaining({ kind: 'contradicts', direction: 'incoming', claimId: low.id }),
  ]);

  const khalimov = exported.entities.find((e) => e.name === 'Gulmurod Khalimov')!;
  const duplicate = exported.entities.find((e) => e.name === 'G. Khalimov')!;
  expect(duplicate).toBeDefined();
  const mentionsOf = (id: string, title: RegExp) =>
    exported.mentions
      .filter((m) => m.entityId === id && m.documentId === doc(title).id)
      .map((m) => m.quote.exact);
  expect(mentionsOf(khalimov.id, RIOTS_TITLE)).toEqual(Array(3).fill('Gulmurod Khalimov'));
  expect(mentionsOf(khalimov.id, DEFECTION_TITLE)).toEqual(['Gumurod Halimov']);
  expect(mentionsOf(duplicate.id, RIOTS_TITLE)).toEqual(['Khalimov']);
});
