// The e2e suite needs a Chromium. Debian's /usr/bin/chromium is used where it exists (this
// project's CI installs it); elsewhere Playwright's own build is fetched once, so `npm test`
// stays one command on a normal machine.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (!existsSync('/usr/bin/chromium')) {
  execFileSync(process.execPath, ['node_modules/@playwright/test/cli.js', 'install', 'chromium'], { stdio: 'inherit' });
}
