import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig, snapshot, type Flags, type RunnerResult } from 'lighthouse';
// Lighthouse's own dependency (pinned through lighthouse@12.2.3): a page we can sign in before it audits.
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { chromiumArgs } from '../lib/chromium';
import { benchTokens } from '../lib/reference-server';
import { median } from '../lib/stats';

export type FormFactor = 'mobile' | 'desktop';

export interface LighthouseScores {
  name: string;
  url: string;
  mode: 'navigation' | 'snapshot';
  /** mobile = Lighthouse's default config (simulated slow 4G, 4x CPU slowdown); desktop = its desktop preset. */
  formFactor: FormFactor;
  performance: number | null;
  accessibility: number | null;
  bestPractices: number | null;
  /** Failing audits (score < 1) of the scored categories, for the report. */
  failing: string[];
  /** The first items of each failing audit's details (which element, which issue), to act on without the HTML report. */
  details: Record<string, string>;
  /** The median run's metrics; where the audit was repeated, each metric's own median over the runs is in `medians`. */
  metrics?: Record<string, number | undefined>;
  /** Performance of every run when the audit was repeated; scores and failing audits are from the median run. */
  performanceRuns?: (number | null)[];
  /** Each metric over the runs (in run order), and its median: budgets on LCP and TBT use these. */
  metricRuns?: Record<string, (number | undefined)[]>;
  medians?: Record<string, number | undefined>;
  /** Where the main thread went on the median run (Lighthouse's mainthread-work-breakdown and bootup-time). */
  mainThread?: {
    byGroupMs: Record<string, number>;
    byScriptMs: Record<string, number>;
    /** Lighthouse's long-tasks diagnostic (simulated ms): where the blocking time comes from. */
    longTasks: { url: string; startMs: number; durationMs: number }[];
  };
  error?: string;
}

export interface LighthouseTarget {
  name: string;
  path: string;
  /** Opens a panel after the load and audits that state (snapshot: accessibility and best practices only). */
  openPanel?: { button: string; dialog: string };
}

const categories = ['performance', 'accessibility', 'best-practices'];

function score(result: RunnerResult, id: string): number | null {
  const value = result.lhr.categories[id]?.score;
  return typeof value === 'number' ? Math.round(value * 100) : null;
}

function failingAudits(result: RunnerResult): string[] {
  const failing: string[] = [];
  for (const id of categories) {
    for (const ref of result.lhr.categories[id]?.auditRefs ?? []) {
      const audit = result.lhr.audits[ref.id];
      if (!audit || ref.weight === 0 || audit.score === null || audit.score >= 1) continue;
      failing.push(`${id}/${ref.id} (${audit.displayValue ?? audit.score})`);
    }
  }
  return failing;
}

function failingDetails(result: RunnerResult): Record<string, string> {
  const details: Record<string, string> = {};
  for (const id of categories) {
    for (const ref of result.lhr.categories[id]?.auditRefs ?? []) {
      const audit = result.lhr.audits[ref.id];
      if (!audit || ref.weight === 0 || audit.score === null || audit.score >= 1) continue;
      const items = (audit.details as { items?: unknown[] } | undefined)?.items;
      if (items?.length) details[ref.id] = JSON.stringify(items.slice(0, 3)).slice(0, 1500);
    }
  }
  return details;
}

function metricsOf(result: RunnerResult): Record<string, number | undefined> {
  const numeric = (id: string) => result.lhr.audits[id]?.numericValue;
  return {
    fcpMs: numeric('first-contentful-paint'),
    lcpMs: numeric('largest-contentful-paint'),
    tbtMs: numeric('total-blocking-time'),
    cls: numeric('cumulative-layout-shift'),
    siMs: numeric('speed-index'),
  };
}

function mainThreadOf(result: RunnerResult): LighthouseScores['mainThread'] {
  const items = <T>(id: string) =>
    ((result.lhr.audits[id]?.details as { items?: T[] } | undefined)?.items ?? []) as T[];
  const byGroupMs: Record<string, number> = {};
  for (const item of items<{ groupLabel?: string; group?: string; duration?: number }>('mainthread-work-breakdown')) {
    const key = item.groupLabel ?? item.group ?? '?';
    byGroupMs[key] = Math.round(item.duration ?? 0);
  }
  const byScriptMs: Record<string, number> = {};
  for (const item of items<{ url?: string; total?: number; scripting?: number }>('bootup-time')) {
    byScriptMs[(item.url ?? '?').replace(/^https?:\/\/[^/]+/, '')] = Math.round(item.total ?? 0);
  }
  const longTasks = items<{ url?: string; startTime?: number; duration?: number }>('long-tasks').map((task) => ({
    url: (task.url ?? '?').replace(/^https?:\/\/[^/]+/, ''),
    startMs: Math.round(task.startTime ?? 0),
    durationMs: Math.round(task.duration ?? 0),
  }));
  return { byGroupMs, byScriptMs, longTasks };
}

async function signIn(page: Page, origin: string) {
  // Any same-origin document will do; the health endpoint has no app code to run first.
  await page.goto(`${origin}/api/health`);
  await page.evaluate((token) => sessionStorage.setItem('qualytics.session', token), benchTokens.Manager);
  // `disableStorageReset` (which keeps that token) also keeps the HTTP cache, so every audit after the first would
  // load the shared chunks from disk: each page is audited cold instead, as Lighthouse's own reset would leave it.
  const cdp = await page.createCDPSession();
  await cdp.send('Network.clearBrowserCache');
  await cdp.detach();
}

async function auditOnce(
  browser: Browser,
  origin: string,
  target: LighthouseTarget,
  flags: Flags,
  formFactor: FormFactor,
) {
  const url = `${origin}${target.path}`;
  const page = await browser.newPage();
  const base = {
    name: target.name,
    url: target.path,
    mode: target.openPanel ? 'snapshot' : 'navigation',
    formFactor,
  } as const;
  // No config = Lighthouse's default, which is the mobile one.
  const config = formFactor === 'desktop' ? desktopConfig : undefined;
  try {
    await signIn(page, origin);
    let result: RunnerResult | undefined;
    if (target.openPanel) {
      await page.goto(url, { waitUntil: 'networkidle0' });
      await page.locator(`::-p-aria(${target.openPanel.button})`).click();
      await page.waitForSelector(`::-p-aria(${target.openPanel.dialog})`);
      await new Promise((resolve) => setTimeout(resolve, 500));
      result = await snapshot(page, { ...(config ? { config } : {}), flags });
    } else {
      result = await lighthouse(url, flags, config, page);
    }
    if (!result) throw new Error('Lighthouse returned no result');
    const runtimeError = result.lhr.runtimeError?.message;
    const scores: LighthouseScores = {
      ...base,
      performance: target.openPanel ? null : score(result, 'performance'),
      accessibility: score(result, 'accessibility'),
      bestPractices: score(result, 'best-practices'),
      failing: failingAudits(result),
      details: failingDetails(result),
      ...(target.openPanel ? {} : { metrics: metricsOf(result), mainThread: mainThreadOf(result) }),
      ...(runtimeError ? { error: runtimeError } : {}),
    };
    return scores;
  } catch (caught) {
    const failed: LighthouseScores = {
      ...base,
      performance: null,
      accessibility: null,
      bestPractices: null,
      failing: [],
      details: {},
      error: caught instanceof Error ? caught.message.split('\n')[0] : String(caught),
    };
    return failed;
  } finally {
    await page.close().catch(() => undefined);
  }
}

/** The run with the median Performance score, as Lighthouse's own guidance on variance suggests. */
function medianRun(runs: readonly LighthouseScores[]): LighthouseScores {
  const scored = runs.filter((run) => run.performance !== null);
  if (scored.length === 0) return runs[0] as LighthouseScores;
  const sorted = [...scored].sort((a, b) => (a.performance as number) - (b.performance as number));
  const chosen = sorted[Math.floor((sorted.length - 1) / 2)] as LighthouseScores;
  const metricRuns: Record<string, (number | undefined)[]> = {};
  const medians: Record<string, number | undefined> = {};
  for (const key of Object.keys(chosen.metrics ?? {})) {
    metricRuns[key] = runs.map((run) => run.metrics?.[key]);
    const known = metricRuns[key].filter((value): value is number => value !== undefined);
    medians[key] = known.length === runs.length ? median(known) : undefined;
  }
  return { ...chosen, performanceRuns: runs.map((run) => run.performance), metricRuns, medians };
}

/**
 * Lighthouse 12.2.3, desktop preset, in a Chromium started by chrome-launcher. Each audit gets a fresh tab that is
 * signed in first (the token lives in the tab's sessionStorage), and `disableStorageReset` keeps it for the audit.
 * Navigations run `runs` times and report the median-Performance run: simulated throttling still scales with the
 * CPU time the page really took, which varies on a shared machine.
 */
export async function runLighthouse(
  chromePath: string,
  origin: string,
  targets: readonly LighthouseTarget[],
  runs: number,
  formFactor: FormFactor,
): Promise<LighthouseScores[]> {
  const chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: [...chromiumArgs, '--headless=new'],
    logLevel: 'error',
  });
  const results: LighthouseScores[] = [];
  try {
    const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}`, defaultViewport: null });
    const flags: Flags = {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      disableStorageReset: true,
      onlyCategories: categories,
    };
    for (const target of targets) {
      const attempts: LighthouseScores[] = [];
      for (let run = 0; run < (target.openPanel ? 1 : runs); run++) {
        attempts.push(await auditOnce(browser, origin, target, flags, formFactor));
      }
      results.push(target.openPanel ? (attempts[0] as LighthouseScores) : medianRun(attempts));
    }
    await browser.disconnect();
  } finally {
    chrome.kill();
  }
  return results;
}
