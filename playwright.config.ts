import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { briefOnlyEnv } from './e2e/brief-only/env';
import { e2eEnv } from './e2e/fixtures/env';
import { chromiumArgs, chromiumPath } from './scripts/chromium';

// Sizes are set per project: the 200% zoom project must have none (see below).
const { viewport: desktopViewport, deviceScaleFactor: _scale, ...desktopChrome } = devices['Desktop Chrome'];
const smallScreenSpec = /small-screens\.spec\.ts$/;

const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'qualytics-e2e-'));
// For the leak scan's teardown (it runs in this process).
process.env.E2E_SERVER_LOG_FILE ??= join(dataDir, 'server.log');

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  // One reference server with one PagerDuty integration at most: journeys run one after another.
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  // After the suite, every secret used is searched for in logs, responses, storages, DOM and the database.
  globalSetup: './e2e/leak-scan.setup.ts',
  globalTeardown: './e2e/leak-scan.teardown.ts',
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: e2eEnv.baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    ...desktopChrome,
    launchOptions: {
      executablePath: chromiumPath,
      args: chromiumArgs,
    },
  },
  // The whole suite runs at a desktop size; a phone and 200% zoom run only the small-screen journeys (the wizard and
  // the action panel, with axe), so the suite does not take three times as long.
  projects: [
    {
      name: 'desktop',
      testIgnore: [smallScreenSpec, /brief-only\//],
      use: { viewport: desktopViewport, deviceScaleFactor: 1 },
    },
    // The console against a platform with only the brief's endpoints (its own server, below).
    {
      name: 'brief-only',
      testMatch: /brief-only\/.*\.spec\.ts$/,
      use: { baseURL: briefOnlyEnv.baseURL, viewport: desktopViewport, deviceScaleFactor: 1 },
    },
    {
      name: 'phone',
      testMatch: smallScreenSpec,
      use: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true },
    },
    {
      // Browser zoom at 200% on a 1366×900 screen, as Chromium does it: every CSS pixel is two device pixels, so the
      // page lays out in 683×450. The window is sized in CSS pixels (its frame takes 87 of the 537); a Playwright
      // viewport would override the forced scale factor.
      name: 'zoom-200',
      testMatch: smallScreenSpec,
      use: {
        viewport: null,
        launchOptions: {
          executablePath: chromiumPath,
          args: [...chromiumArgs, '--force-device-scale-factor=2', '--window-size=683,537'],
        },
      },
    },
  ],
  webServer: [
    {
      // The server binary itself (not npx), so stopping it stops the server.
      command: `${JSON.stringify(process.execPath)} --import tsx server/main.ts`,
      url: `${e2eEnv.baseURL}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'pipe',
      stderr: 'pipe',
      env: {
        HOST: '127.0.0.1',
        PORT: String(e2eEnv.port),
        STATIC_DIR: process.env.E2E_STATIC_DIR ?? 'dist',
        DATA_DIR: dataDir,
        PUBLIC_URL: e2eEnv.baseURL,
        ADMIN_TOKEN: e2eEnv.tokens.Admin,
        MANAGER_TOKEN: e2eEnv.tokens.Manager,
        MEMBER_TOKEN: e2eEnv.tokens.Member,
        LOG_FILE: process.env.E2E_SERVER_LOG_FILE,
        PAGERDUTY_TIMEOUT_MS: '3000',
        PAGERDUTY_RETRY_DELAY_MS: '100',
        // The suite sends more test notifications than one person would; the limit itself is proven in server tests.
        TEST_NOTIFICATION_LIMIT: '200',
      },
    },
    {
      command: `${JSON.stringify(process.execPath)} --import tsx e2e/brief-only/server.ts`,
      url: `${briefOnlyEnv.baseURL}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: { E2E_BRIEF_PORT: String(briefOnlyEnv.port), STATIC_DIR: process.env.E2E_STATIC_DIR ?? 'dist' },
    },
  ],
});
