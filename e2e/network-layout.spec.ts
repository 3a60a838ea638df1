/**
 * The network's layout and canvas (issue 19): on a generated graph the layout runs in its worker
 * and settles while the page keeps answering (zoomed and panned meanwhile); a click on the canvas
 * hits an edge and lists its claims. How fast is the bench's business (bench/analysis.js).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { importAndOpen } from './app';
import { expect, rpc, test } from './fixtures';

/** Backend calls through the page (fixtures' rpc), in order; the first error fails the test. */
async function callAll(page: Page, calls: [string, unknown][]): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const [method, input] of calls) {
    const result = await rpc(page, method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error?.message}`);
    out.push(result.value);
  }
  return out;
}

/** A document of the fixtures, and `claims` claims over it, one passage each. */
async function documentWithClaims(page: Page, fixturesDir: string, claims: number) {
  await importAndOpen(page, join(fixturesDir, 'sample.txt'), /Khujand/);
  const [docs] = (await callAll(page, [['documents.list', {}]])) as [{ id: string }[]];
  const documentId = docs[0]!.id;
  const [{ text }] = (await callAll(page, [['documents.content', { id: documentId }]])) as [
    { text: string },
  ];
  // one letter each (a passage of blank space is refused); the API counts code points
  const letters = [...text].flatMap((c, i) => (/\p{L}/u.test(c) ? [i] : []));
  expect(letters.length).toBeGreaterThanOrEqual(claims);
  const made = (await callAll(
    page,
    letters
      .slice(0, claims)
      .map((start) => ['claims.create', { documentId, spans: [{ start, end: start + 1 }] }]),
  )) as { id: string }[];
  return made.map((c) => c.id);
}

async function entities(page: Page, count: number) {
  const kinds = ['person', 'organization', 'place', 'event'];
  const made = (await callAll(
    page,
    Array.from({ length: count }, (_, i) => [
      'entities.create',
      { kind: kinds[i % 4], name: `Actor ${i}` },
    ]),
  )) as { id: string }[];
  return made.map((e) => e.id);
}

test('a generated network settles in its worker while the page zooms and pans', async ({
  page,
  fixturesDir,
}) => {
  test.setTimeout(180_000);
  const claims = await documentWithClaims(page, fixturesDir, 200);
  const actors = await entities(page, 60);
  // each claim: a claimant and two subjects, spread so that the graph is one tangled component
  await callAll(
    page,
    claims.map((id, i) => [
      'claims.update',
      {
        id,
        patch: {
          claimantId: actors[i % 60],
          subjectIds: [...new Set([actors[(i * 7 + 1) % 60], actors[(i * 13 + 5) % 60]])].filter(
            (s) => s !== actors[i % 60],
          ),
        },
      },
    ]),
  );
  await page.reload();
  await page.locator('body').focus();
  await page.keyboard.press('n');
  const network = page.getByRole('region', { name: 'Network' });
  const canvas = network.locator('.network-canvas');
  await expect(canvas).toHaveAttribute('data-layout', /running|settled/);
  // the page answers while the layout runs: zoom and pan on the canvas, switch a control
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -240);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2 + 30, { steps: 4 });
  await page.mouse.up();
  await expect(canvas).toHaveAttribute('data-layout', 'settled', { timeout: 60_000 });
  await expect(network.getByText(/60 entities, [\d,]+ links made by claims/)).toBeVisible();
  await expect(network.getByText(/Layout settled in [\d.]+ s \(\d+ iterations\)/)).toBeVisible();
  // the picture is on the canvas: not a blank page of the background colour
  const colours = await page.evaluate(() => {
    const c = document.querySelector<HTMLCanvasElement>('.network-surface')!;
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    const seen = new Set<number>();
    for (let i = 0; i < data.length; i += 4 * 97)
      seen.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
    return seen.size;
  });
  expect(colours).toBeGreaterThan(3);
});

test('a click on an edge of the canvas lists the claims behind it', async ({
  page,
  fixturesDir,
}) => {
  const [claim] = await documentWithClaims(page, fixturesDir, 1);
  const [a, b] = await entities(page, 2);
  await callAll(page, [
    ['claims.update', { id: claim, patch: { claimantId: a, subjectIds: [b] } }],
  ]);
  await page.reload();
  await page.locator('body').focus();
  await page.keyboard.press('n');
  const network = page.getByRole('region', { name: 'Network' });
  const canvas = network.locator('.network-canvas');
  await expect(canvas).toHaveAttribute('data-layout', 'settled');
  // two nodes fill the fitted drawing from corner to corner: their edge crosses its centre, and
  // stays there when the keyboard zooms (about the centre)
  await canvas.focus();
  await page.keyboard.press('+');
  const box = (await canvas.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  const panel = network.getByRole('complementary', { name: 'Claims behind this link' });
  await expect(panel.getByRole('heading')).toHaveText('Actor 0 → Actor 1');
  await expect(panel).toContainText('1 claim');
  await canvas.focus();
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  // panned by the arrow keys, then fitted again by Home: the edge is back under the centre
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Home');
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect(canvas).toBeFocused();
  await expect(panel.getByRole('heading')).toHaveText('Actor 0 → Actor 1');

  // the pictures: an SVG with both entities and their link, a PNG
  const svgDownload = page.waitForEvent('download');
  await network.getByRole('button', { name: 'SVG' }).click();
  const svg = await readFile((await (await svgDownload).path())!, 'utf8');
  expect(svg.match(/<circle /g)).toHaveLength(2);
  expect(svg.match(/<line /g)).toHaveLength(1);
  expect(svg).toContain('>Actor 0<');
  expect(svg).toContain('>Actor 1<');
  const pngDownload = page.waitForEvent('download');
  await network.getByRole('button', { name: 'PNG' }).click();
  const png = await readFile((await (await pngDownload).path())!);
  expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
});
