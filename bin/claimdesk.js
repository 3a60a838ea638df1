#!/usr/bin/env node
// The `claimdesk` command. The CLI is built by `npm run build` (npm install runs it via `prepare`).
import { existsSync } from 'node:fs';

const built = new URL('../out/main/cli.js', import.meta.url);
if (!existsSync(built)) {
  process.stderr.write(
    'claimdesk: the app is not built yet. Run `npm run build` in the Claimdesk folder first.\n',
  );
  process.exit(1);
}
const { main } = await import(built.href);
process.exitCode = await main(process.argv.slice(2));
