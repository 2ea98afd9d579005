import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from '@playwright/test';

const debianChromium = '/usr/bin/chromium';

/** The system Chromium when present (as in playwright.config.ts), else Playwright's own download. */
export const chromiumPath: string | undefined = existsSync(debianChromium) ? debianChromium : undefined;

/** Quiet, offline-friendly flags: no background traffic competing with the page for the 2 cores. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * The browser binary for Playwright and chrome-launcher alike. Without Debian's Chromium, Playwright's build is
 * fetched once (as scripts/ensure-browser.mjs does for the e2e suite), so the bench runs on a fresh clone.
 */
export function browserExecutable(projectRoot: string): string {
  if (chromiumPath) return chromiumPath;
  const bundled = chromium.executablePath();
  if (!existsSync(bundled)) {
    execFileSync(process.execPath, ['node_modules/@playwright/test/cli.js', 'install', 'chromium'], {
      cwd: projectRoot,
      stdio: 'inherit',
    });
  }
  return bundled;
}

export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({ headless: true, executablePath, args: chromiumArgs });
}
