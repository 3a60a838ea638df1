// A long notebook in Chromium: 10,000 paragraphs with 1,000 embedded claims. Measures the time from
// clicking it in the notebook list until every paragraph and every claim card is on the page
// (median of 3), and the latency of keystrokes typed into it until painted (p50 / p95).
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir } from './inputs.js';
import { launchChromium, median, percentile, round } from './lib.js';

const PARAGRAPHS = 10_000;
const CLAIMS = 1_000;

const text = (value) => ({
  type: 'text',
  version: 1,
  text: value,
  format: 0,
  detail: 0,
  mode: 'normal',
  style: '',
});
const paragraph = (children) => ({
  type: 'paragraph',
  version: 1,
  format: '',
  indent: 0,
  direction: 'ltr',
  textFormat: 0,
  textStyle: '',
  children,
});

export async function benchNotebook({ work, root }) {
  const { openBackend, startServer } = await import(join(root, 'out/main/backend.js'));
  const dir = join(work, 'workspaces', 'notebook');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const backend = openBackend(dir, 'serve');
  const call = async (method, input) => {
    const result = await backend.registry.call(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value;
  };
  const source = readFileSync(join(corpusDir, '000_5053e8388b8085f0.txt'));
  const { document } = await call('documents.import', {
    fileName: 'riots.txt',
    bytes: new Uint8Array(source),
  });
  const { text: body } = await call('documents.content', { id: document.id });
  const claims = [];
  for (let i = 0; i < CLAIMS; i++) {
    const start = (i * 97) % (body.length - 120);
    claims.push(
      await call('claims.create', { documentId: document.id, spans: [{ start, end: start + 80 }] }),
    );
  }
  const cards = await call('notebooks.claimCards', { ids: claims.map((c) => c.id) });
  const children = [];
  for (let i = 0; i < PARAGRAPHS; i++) {
    const words = `Paragraph ${i}: the accounts of the riot differ in the toll, the date and who began it.`;
    if (i % (PARAGRAPHS / CLAIMS) === 0) {
      const card = cards[i / (PARAGRAPHS / CLAIMS)];
      const last = {
        documentId: card.documentId,
        statement: card.statement,
        quote: card.quote,
        documentTitle: card.documentTitle,
        pages: card.pages,
      };
      children.push(
        paragraph([
          text(`${words} As reported, `),
          { type: 'claim', version: 1, claimId: card.id, last },
          text('.'),
        ]),
      );
    } else children.push(paragraph([text(words)]));
  }
  const content = JSON.stringify({
    root: { type: 'root', version: 1, format: '', indent: 0, direction: 'ltr', children },
  });
  await call('notebooks.create', { title: 'Long notebook', content });

  const server = await startServer({
    registry: backend.registry,
    rendererDir: join(root, 'out/renderer'),
    port: 0,
  });
  const browser = await launchChromium();
  const openTimes = [];
  let typing = [];
  try {
    for (let run = 0; run < 3; run++) {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await page.goto(server.url);
      await page.getByRole('button', { name: 'Notebooks' }).click();
      const item = page.getByRole('listbox', { name: 'Notebooks' }).getByRole('option').first();
      await item.waitFor();
      openTimes.push(
        await page.evaluate(
          ({ paragraphs, claims }) =>
            new Promise((resolve) => {
              const t0 = performance.now();
              document.querySelector('[aria-label="Notebooks"] [role="option"]').click();
              const poll = () => {
                const editor = document.querySelector('.nb-editor');
                const done =
                  editor &&
                  editor.children.length >= paragraphs &&
                  editor.querySelectorAll('.nb-claim:not(.is-loading)').length >= claims;
                if (done) resolve(performance.now() - t0);
                else requestAnimationFrame(poll);
              };
              poll();
            }),
          { paragraphs: PARAGRAPHS, claims: CLAIMS },
        ),
      );
      if (run === 2) typing = await timeTyping(page);
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
    backend.close();
  }
  const open = median(openTimes);
  const p95 = percentile(typing, 95);
  return [
    {
      id: 'notebook.open',
      label: `open a notebook of ${PARAGRAPHS.toLocaleString('en')} paragraphs with ${CLAIMS.toLocaleString('en')} embedded claims until every card is shown (median of 3)`,
      value: round(open, 0),
      unit: 'ms',
      target: '< 1,500 ms',
      met: open < 1500,
    },
    {
      id: 'notebook.typing',
      label: `type in that notebook: keystroke until painted (p50 / p95 of ${typing.length})`,
      value: `${round(median(typing), 0)} / ${round(p95, 0)}`,
      unit: 'ms',
      target: 'p95 < 50 ms',
      met: p95 < 50,
    },
  ];
}

/** Types in the middle of the notebook and times each key from keydown to the frame showing it. */
async function timeTyping(page) {
  const middle = page.locator('.nb-editor > p').nth(PARAGRAPHS / 2 + 3);
  await middle.scrollIntoViewIfNeeded();
  await middle.click();
  await page.keyboard.press('End');
  await page.evaluate(() => {
    window.__typing = [];
    // from keydown until the frame after the editor's DOM shows the key (the editor may insert
    // the character itself, so there is not always an input event to wait for)
    let t0 = null;
    const onKey = () => (t0 = performance.now());
    const observer = new MutationObserver(() => {
      if (t0 === null) return;
      const started = t0;
      t0 = null;
      requestAnimationFrame(() => window.__typing.push(performance.now() - started));
    });
    observer.observe(document.querySelector('.nb-editor'), {
      characterData: true,
      childList: true,
      subtree: true,
    });
    addEventListener('keydown', onKey, { capture: true });
    window.__stopTyping = () => {
      removeEventListener('keydown', onKey, { capture: true });
      observer.disconnect();
    };
  });
  await page.keyboard.type(' The official figure of 27 was disputed by rights groups.', {
    delay: 60,
  });
  await page.waitForTimeout(300);
  return page.evaluate(() => {
    window.__stopTyping();
    return window.__typing;
  });
}
