/**
 * The deliverylog section: the console's `/deliveries` page in Chromium against a reference server whose SQLite holds
 * 1k or 50k seeded deliveries. Per size and round: a cold navigation (fresh context) until the first page of rows is
 * painted, then "Load more" until `scrollRows` rows are loaded (the table is virtualised past 100) and a wheel scroll
 * of the table to its bottom while every `requestAnimationFrame` delta is recorded. Servers and data dirs are removed
 * in `finally`.
 */
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { makeDataDir, removeDir, startDeliveryServer, type DeliveryServer } from '../delivery/processes';
import { seedDeliveries } from '../delivery/seed-deliveries';
import { benchTokens } from '../lib/reference-server';
import { percentile, round } from '../lib/stats';

export interface DeliveryLogOptions {
  sizes: number[];
  rounds: number;
  /** Rows loaded through "Load more" before the scroll. */
  scrollRows: number;
  /** Pixels per wheel step, and the pause between steps. */
  wheelStep: number;
  wheelPauseMs: number;
}

export interface ScrollRound {
  frames: number;
  p95FrameMs: number;
  maxFrameMs: number;
  /** Share of 60 Hz frame slots in the scroll that showed no new frame. */
  droppedShare: number;
  longTasks: number;
  /** The table's scrollTop reached its bottom. */
  reachedBottom: boolean;
  rowsLoaded: number;
}

export interface DeliveryLogSize {
  size: number;
  seedMs: number;
  /** Navigation start to the first paint after the first page of rows is in the table, per round. */
  firstRowsMs: number[];
  /** Each round's API calls until then (path and ms, from Resource Timing): where the first render waits. */
  firstRowsApi: { path: string; ms: number }[][];
  scroll: ScrollRound[];
}

export interface DeliveryLogReport {
  options: DeliveryLogOptions;
  sizes: DeliveryLogSize[];
  errors: string[];
}

/** The console keeps the bearer token here (see src/app/session/token-store.ts). */
const sessionStorageKey = 'qualytics.session';
const frameMs = 1000 / 60;
const rowSelector = 'table[aria-label="Deliveries"] tbody tr:not([aria-hidden])';

interface ProbeWindow {
  __firstRowsAt?: number;
  __frames?: number[];
  __longTasks?: number;
  __recording?: boolean;
}

/**
 * Installed before any page script: marks the first paint after `rowsWanted` rows are in the table
 * (MutationObserver, then a frame and a posted task, as the forms bench does), and offers a frame recorder.
 */
function installProbe([selector, rowsWanted]: readonly [string, number]) {
  const w = window as unknown as ProbeWindow;
  const observer = new MutationObserver(() => {
    if (document.querySelectorAll(selector).length < rowsWanted) return;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => (w.__firstRowsAt = performance.now()), 0));
  });
  observer.observe(document, { childList: true, subtree: true });
  w.__longTasks = 0;
  new PerformanceObserver((list) => {
    if (w.__recording) w.__longTasks = (w.__longTasks ?? 0) + list.getEntries().length;
  }).observe({ type: 'longtask', buffered: false });
}

async function signedInContext(browser: Browser, origin: string, rowsWanted: number): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: origin, viewport: { width: 1350, height: 940 } });
  await context.addInitScript(
    ([key, token]) => {
      if (!sessionStorage.getItem(key)) sessionStorage.setItem(key, token);
    },
    [sessionStorageKey, benchTokens.Manager] as const,
  );
  await context.addInitScript(installProbe, [rowSelector, rowsWanted] as const);
  return context;
}

const shownCount = async (page: Page) => {
  const text = (await page.getByRole('status').filter({ hasText: 'shown' }).textContent()) ?? '';
  return Number(/(\d+)/.exec(text)?.[1] ?? 0);
};

async function loadRows(page: Page, wanted: number): Promise<number> {
  let shown = await shownCount(page);
  const more = page.getByRole('button', { name: 'Load more' });
  while (shown < wanted && (await more.count())) {
    await more.click();
    const before = shown;
    await page.waitForFunction(
      ([n]) => {
        const text = [...document.querySelectorAll('[role="status"]')].map((el) => el.textContent ?? '').join(' ');
        return Number(/(\d+) deliveries shown/.exec(text)?.[1] ?? 0) > n;
      },
      [before] as const,
      { timeout: 15_000 },
    );
    shown = await shownCount(page);
  }
  return shown;
}

async function scrollToBottom(page: Page, options: DeliveryLogOptions): Promise<Omit<ScrollRound, 'rowsLoaded'>> {
  const table = page.locator('div:has(> table[aria-label="Deliveries"])');
  const box = await table.boundingBox();
  if (!box) throw new Error('the deliveries table has no box');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  // A string, not a function: tsx names inner functions with a `__name` helper the page does not have.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__longTasks = 0;
    window.__recording = true;
    let last = 0;
    const tick = (now) => {
      if (!window.__recording) return;
      window.__frames.push(now - last);
      last = now;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame((now) => {
      last = now;
      requestAnimationFrame(tick);
    });
  })()`);
  const atBottom = () =>
    table.evaluate((el) => el.scrollTop + el.clientHeight >= el.scrollHeight - 2 && el.scrollHeight > el.clientHeight);
  const maxSteps = 2000;
  let reachedBottom = false;
  for (let step = 0; step < maxSteps && !reachedBottom; step++) {
    await page.mouse.wheel(0, options.wheelStep);
    await page.waitForTimeout(options.wheelPauseMs);
    if (step % 10 === 9) reachedBottom = await atBottom();
  }
  reachedBottom ||= await atBottom();
  const { frames, longTasks } = await page.evaluate(() => {
    const w = window as unknown as ProbeWindow;
    w.__recording = false;
    return { frames: w.__frames ?? [], longTasks: w.__longTasks ?? 0 };
  });
  const slots = frames.reduce((sum, delta) => sum + Math.max(1, Math.round(delta / frameMs)), 0);
  return {
    frames: frames.length,
    p95FrameMs: round(percentile(frames, 95)),
    maxFrameMs: round(Math.max(0, ...frames)),
    droppedShare: slots ? round((slots - frames.length) / slots, 3) : Number.NaN,
    longTasks,
    reachedBottom,
  };
}

/** One cold visit: the first page's paint time, then (when asked) the loaded rows' scroll. */
async function visit(browser: Browser, server: DeliveryServer, options: DeliveryLogOptions, withScroll: boolean) {
  const context = await signedInContext(browser, server.origin, 50);
  try {
    const page = await context.newPage();
    await page.goto('/deliveries');
    await page.waitForFunction(() => (window as unknown as ProbeWindow).__firstRowsAt !== undefined, undefined, {
      timeout: 30_000,
    });
    const { firstRowsMs, api } = await page.evaluate(() => ({
      firstRowsMs: (window as unknown as ProbeWindow).__firstRowsAt as number,
      api: performance
        .getEntriesByType('resource')
        .filter((entry) => new URL(entry.name).pathname.startsWith('/api/'))
        .map((entry) => ({
          path: new URL(entry.name).pathname + new URL(entry.name).search,
          ms: Math.round(entry.duration),
        })),
    }));
    if (!withScroll) return { firstRowsMs, api };
    const rowsLoaded = await loadRows(page, options.scrollRows);
    if ((await page.locator(rowSelector).count()) >= rowsLoaded)
      throw new Error(`${rowsLoaded} rows loaded but the table is not virtualised`);
    return { firstRowsMs, api, scroll: { ...(await scrollToBottom(page, options)), rowsLoaded } };
  } finally {
    await context.close();
  }
}

export async function measureDeliveryLog(
  browser: Browser,
  projectRoot: string,
  staticDir: string,
  options: DeliveryLogOptions,
  log: (line: string) => void,
): Promise<DeliveryLogReport> {
  const report: DeliveryLogReport = { options, sizes: [], errors: [] };
  const servers: { server: DeliveryServer; dataDir: string; entry: DeliveryLogSize }[] = [];
  try {
    for (const size of options.sizes) {
      const dataDir = await makeDataDir();
      const { ms: seedMs } = seedDeliveries(dataDir, size);
      const entry: DeliveryLogSize = { size, seedMs: round(seedMs), firstRowsMs: [], firstRowsApi: [], scroll: [] };
      report.sizes.push(entry);
      // Nothing in the seed is pending, so the sender has nothing to post; the URL is never called.
      const server = await startDeliveryServer(projectRoot, {
        dataDir,
        eventsUrl: 'http://127.0.0.1:9/v2/enqueue',
        concurrency: 1,
        env: { STATIC_DIR: staticDir },
      }).catch(async (error: unknown) => {
        await removeDir(dataDir);
        throw error;
      });
      servers.push({ server, dataDir, entry });
      log(`  ${size} deliveries seeded in ${Math.round(seedMs)} ms; server at ${server.origin}`);
    }
    // Sizes alternate within a round, so a busy moment on the shared machine falls on both.
    for (let r = 0; r < options.rounds; r++) {
      for (const { server, entry } of servers) {
        try {
          const result = await visit(browser, server, options, true);
          entry.firstRowsMs.push(round(result.firstRowsMs));
          entry.firstRowsApi.push(result.api);
          if (result.scroll) entry.scroll.push(result.scroll);
          const s = result.scroll;
          log(
            `  round ${r + 1}, ${entry.size}: first rows ${Math.round(result.firstRowsMs)} ms (${result.api.map((call) => `${call.path} ${call.ms} ms`).join(', ')})` +
              (s
                ? `; scroll ${s.rowsLoaded} rows, ${s.frames} frames, p95 ${s.p95FrameMs} ms, max ${s.maxFrameMs} ms, dropped ${Math.round(s.droppedShare * 100)}%, ${s.longTasks} long tasks${s.reachedBottom ? '' : ', NOT at the bottom'}`
                : ''),
          );
        } catch (error) {
          report.errors.push(
            `${entry.size}, round ${r + 1}: ${error instanceof Error ? error.message : String(error)}`,
          );
        }
      }
    }
  } finally {
    for (const { server, dataDir } of servers) {
      await server.stop();
      await removeDir(dataDir);
    }
  }
  return report;
}
