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

export function launchChromium(executablePath: string, extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({ headless: true, executablePath, args: [...chromiumArgs, ...extraArgs] });
}

/**
 * Frames as soon as the main thread has one ready, instead of at the next 60 Hz vsync. With vsync, keystroke to
 * paint is the work plus a wait of 0–16.7 ms for the vsync, whose p95 alone is about a frame (the plain-HTML floor
 * measured 16.8–19.8 ms): the budget would measure the phase of the keystroke, not the form. Without it, keystroke
 * to paint is the handlers, the render and the paint, and "within one frame" says that work fits in 16.7 ms.
 */
export const unthrottledFrames = ['--disable-gpu-vsync', '--disable-frame-rate-limit'] as const;
