import { existsSync } from 'node:fs';

const debianChromium = '/usr/bin/chromium';

/** Debian's Chromium when present (CI installs it); otherwise undefined, i.e. Playwright's own build. */
export const chromiumPath: string | undefined = existsSync(debianChromium) ? debianChromium : undefined;

/** Quiet, offline-friendly flags: no background traffic (refused on this network) competing with the page. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
