import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium';

export { chromiumArgs, chromiumPath };

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
