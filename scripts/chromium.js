// Shared by the e2e fixtures and the benchmarks: Debian's Chromium (Playwright's own browser cannot
// be downloaded here), headless, with nothing that reaches for the network, which is closed here:
// without these flags Chromium keeps trying Google's hosts at every start.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
