/**
 * A workspace bundle never replaces the researcher's own work silently (issue 14, item 6): in a
 * workspace without documents that holds a saved filter, importing a bundle asks first, and
 * replacing makes a backup of the workspace before anything is written.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, rpc, test } from './fixtures';

test('importing a bundle over saved work asks, then backs up before replacing', async ({
  page,
  dataDir,
}) => {
  await expect(page.getByRole('button', { name: 'Import files' })).toBeVisible();
  expect((await rpc(page, 'filters.save', { name: 'Mine', filter: { tag: 'riot' } })).ok).toBe(
    true,
  );
  const exported = await rpc<{ text: string }>(page, 'bundle.export', {});
  expect(exported.ok).toBe(true);
  const file = join(dataDir, '..', `claimdesk-e2e-${Date.now()}.claimdesk-bundle.jsonl`);
  writeFileSync(file, exported.value.text);

  await page.getByRole('button', { name: 'Workspace' }).click();
  const workspace = page.getByRole('dialog', { name: 'Workspace' });
  const chooser = page.waitForEvent('filechooser');
  await workspace.getByRole('button', { name: 'Import workspace bundle…' }).click();
  await (await chooser).setFiles(file);

  const question = workspace.getByRole('alertdialog');
  await expect(question).toContainText('holds 1 saved filter');
  await expect(question).toContainText('a backup of this workspace is made first');
  const keep = question.getByRole('button', { name: 'Keep this workspace' });
  await expect(keep).toBeFocused(); // the safe choice is the default
  await page.screenshot({ path: test.info().outputPath('bundle-replace-question.png') });
  await keep.click();
  await expect(question).toBeHidden();
  expect((await rpc<unknown[]>(page, 'backup.list', {})).value).toHaveLength(0);

  const again = page.waitForEvent('filechooser');
  await workspace.getByRole('button', { name: 'Import workspace bundle…' }).click();
  await (await again).setFiles(file);
  await question.getByRole('button', { name: 'Back up, then replace with the bundle' }).click();
  await expect(workspace).toContainText('The workspace as it was before is saved as the backup');
  const backups = await rpc<{ fileName: string }[]>(page, 'backup.list', {});
  expect(backups.value).toHaveLength(1);
  await expect(workspace).toContainText(backups.value[0]!.fileName);
  await page.screenshot({ path: test.info().outputPath('bundle-replace-done.png') });
});
