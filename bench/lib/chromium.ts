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

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ headless: true, executablePath: chromiumPath, args: chromiumArgs });
}
