/**
 * axe (@axe-core/playwright) as a test: the serious and critical violations of what is on screen, in
 * both themes (text contrast included). The views behind the one in front are inert and skipped.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

export async function axeViolations(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const result = await new AxeBuilder({ page }).exclude('.is-behind').analyze();
    for (const v of result.violations) {
      if (v.impact !== 'serious' && v.impact !== 'critical') continue;
      for (const node of v.nodes) found.push(`${scheme}: ${v.id} ${node.target.join(' ')}`);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return found;
}
