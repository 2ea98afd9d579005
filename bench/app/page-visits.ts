import { join } from 'node:path';
import type { Browser, BrowserContext, Page, Request } from '@playwright/test';
import { compressedSize, sumSizes, type CompressedSize } from '../lib/compress';
import { benchRoutingKey, benchTokens } from '../lib/reference-server';
import { readFile } from 'node:fs/promises';
import { WireRecorder, type WireBytes } from './wire-bytes';

/** The console keeps the bearer token here (see src/app/session/token-store.ts). */
const sessionStorageKey = 'qualytics.session';

export interface AssetFile extends CompressedSize {
  file: string;
  kind: 'js' | 'css';
  /** The source module the chunk was built for (from the Vite manifest), when known. */
  source?: string;
}

export interface ApiCall {
  method: string;
  path: string;
}

export interface RequestLog {
  count: number;
  duplicates: string[];
  calls: string[];
}

export interface Visit {
  name: string;
  url: string;
  assets: AssetFile[];
  /** JS and CSS of the whole visit (cumulative: later steps and the opened panel included). */
  js: CompressedSize;
  css: CompressedSize;
  /** JS of the cold load alone, before any further step. */
  firstLoadJs: CompressedSize;
  /** API calls of the cold load (and, for the settings round trip, of the way there and back). */
  requests: RequestLog;
  /** Bytes on the wire of the cold load (every same-origin response), beside their brotli size. */
  wire?: WireBytes;
  error?: string;
}

/** A signed-in context: the token goes into sessionStorage before any page script runs, as after a sign-in. */
async function signedInContext(browser: Browser, origin: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: origin, viewport: { width: 1350, height: 940 } });
  await context.addInitScript(
    ([key, token]) => {
      if (!sessionStorage.getItem(key)) sessionStorage.setItem(key, token);
    },
    [sessionStorageKey, benchTokens.Manager] as const,
  );
  return context;
}

class Recorder {
  readonly assetUrls = new Set<string>();
  calls: ApiCall[] = [];

  constructor(
    page: Page,
    private readonly origin: string,
  ) {
    page.on('request', (request) => this.onRequest(request));
  }

  private onRequest(request: Request) {
    const url = new URL(request.url());
    if (url.origin !== this.origin) return;
    const type = request.resourceType();
    if (type === 'script' || type === 'stylesheet') this.assetUrls.add(url.pathname);
    else if (url.pathname.startsWith('/api/'))
      this.calls.push({ method: request.method(), path: url.pathname + url.search });
  }

  takeCalls(): ApiCall[] {
    const taken = this.calls;
    this.calls = [];
    return taken;
  }
}

function requestLog(calls: readonly ApiCall[], seenBefore: readonly ApiCall[] = []): RequestLog {
  const counts = new Map<string, number>();
  for (const call of [...seenBefore, ...calls]) {
    const key = `${call.method} ${call.path}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return {
    count: calls.length,
    duplicates: [...counts].filter(([, n]) => n > 1).map(([key, n]) => `${key} x${n}`),
    calls: calls.map((call) => `${call.method} ${call.path}`),
  };
}

async function settle(page: Page) {
  await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => undefined);
  // A late query started by an effect after the idle window would otherwise be missed.
  await page.waitForTimeout(400);
  await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
}

async function assetsOf(outDir: string, paths: Iterable<string>): Promise<AssetFile[]> {
  const assets: AssetFile[] = [];
  for (const path of paths) {
    const kind = path.endsWith('.css') ? 'css' : path.endsWith('.js') ? 'js' : null;
    if (!kind) continue;
    const content = await readFile(join(outDir, path)).catch(() => null);
    if (content) assets.push({ file: path, kind, ...compressedSize(content) });
  }
  return assets.sort((a, b) => b.gzip - a.gzip);
}

type Scenario = {
  name: string;
  url: string;
  /** The cold load is over when this resolves. */
  load(page: Page): Promise<void>;
  /** Further steps whose JS counts in the cumulative figure (and whose requests count for the round trip). */
  then?(page: Page): Promise<void>;
  /** The round trip's calls are the ones after the cold load; duplicates are counted over the whole visit. */
  countAfterLoad?: boolean;
};

export interface VisitData {
  flowId: number;
  /** Connects PagerDuty through the API if needed; the connect wizard visit, run first, connects through the UI. */
  ensurePagerDuty(): Promise<number>;
}

function scenarios(data: VisitData): Scenario[] {
  let integrationId = 0;
  const connected = async () => {
    integrationId = await data.ensurePagerDuty();
  };
  const integrationsHeading = (page: Page) => page.getByRole('heading', { level: 1, name: 'Integrations' });
  return [
    {
      name: 'connect-wizard',
      url: '/integrations/pagerduty/connect',
      // Cold load of the Connect step as a manager finds it: PagerDuty not connected yet.
      load: async (page) => {
        await page.goto('/integrations/pagerduty/connect');
        await page.getByLabel(/^Routing Key/).waitFor({ timeout: 20_000 });
        await settle(page);
      },
      // Then the journey: connect (the wizard moves on in the page), and the later steps by their deep links.
      then: async (page) => {
        await page.getByLabel(/^Routing Key/).fill(benchRoutingKey);
        await page.getByRole('button', { name: 'Connect' }).click();
        await page.getByRole('heading', { level: 2, name: /^Step 2 of 4/ }).waitFor({ timeout: 20_000 });
        await settle(page);
        for (const step of ['test', 'done']) {
          await page.goto(`/integrations/pagerduty/connect?step=${step}`);
          await settle(page);
        }
      },
    },
    {
      name: 'integrations',
      url: '/integrations',
      load: async (page) => {
        await connected();
        await page.goto('/integrations');
        await integrationsHeading(page).waitFor({ timeout: 20_000 });
        await settle(page);
      },
    },
    {
      name: 'flow-editor',
      url: `/flows/${data.flowId}`,
      load: async (page) => {
        await connected();
        await page.goto(`/flows/${data.flowId}`);
        await page.getByRole('heading', { level: 1, name: 'Bench anomalies' }).waitFor({ timeout: 20_000 });
        await settle(page);
      },
      then: async (page) => {
        await page.getByRole('button', { name: 'Edit PagerDuty action 1' }).click();
        await page.getByRole('dialog', { name: 'PagerDuty notification' }).waitFor({ timeout: 20_000 });
        await settle(page);
      },
    },
    {
      name: 'settings-and-back',
      url: '/integrations -> settings -> back',
      countAfterLoad: true,
      load: async (page) => {
        await connected();
        await page.goto('/integrations');
        await integrationsHeading(page).waitFor({ timeout: 20_000 });
        await settle(page);
      },
      then: async (page) => {
        await page.getByRole('button', { name: 'PagerDuty actions' }).click();
        await page.getByRole('menuitem', { name: 'Edit' }).click();
        await page.waitForURL(`**/integrations/${integrationId}`);
        await page.getByRole('heading', { level: 1 }).waitFor({ timeout: 20_000 });
        await settle(page);
        await page.goBack();
        await integrationsHeading(page).waitFor({ timeout: 20_000 });
        await settle(page);
      },
    },
  ];
}

/** Each scenario in a fresh context (cold HTTP cache, empty query cache), signed in as a Manager. */
export async function visitPages(
  browser: Browser,
  origin: string,
  outDir: string,
  data: VisitData,
  only?: readonly string[],
): Promise<Visit[]> {
  const visits: Visit[] = [];
  for (const scenario of scenarios(data)) {
    if (only && !only.includes(scenario.name)) continue;
    const context = await signedInContext(browser, origin);
    const page = await context.newPage();
    const recorder = new Recorder(page, origin);
    const wireRecorder = new WireRecorder(page, origin);
    let wire: WireBytes | undefined;
    let error: string | undefined;
    let loadCalls: ApiCall[] = [];
    let laterCalls: ApiCall[] = [];
    let firstLoadUrls: string[] = [];
    try {
      await scenario.load(page);
      wire = await wireRecorder.stop();
      firstLoadUrls = [...recorder.assetUrls];
      loadCalls = recorder.takeCalls();
      if (scenario.then) await scenario.then(page);
      laterCalls = recorder.takeCalls();
    } catch (caught) {
      error = caught instanceof Error ? caught.message.split('\n')[0] : String(caught);
      loadCalls = loadCalls.length ? loadCalls : recorder.takeCalls();
      laterCalls = recorder.takeCalls();
    }
    await context.close();
    const assets = await assetsOf(outDir, recorder.assetUrls);
    const firstLoad = await assetsOf(outDir, firstLoadUrls);
    visits.push({
      name: scenario.name,
      url: scenario.url,
      assets,
      js: sumSizes(assets.filter((asset) => asset.kind === 'js')),
      css: sumSizes(assets.filter((asset) => asset.kind === 'css')),
      firstLoadJs: sumSizes(firstLoad.filter((asset) => asset.kind === 'js')),
      requests: scenario.countAfterLoad ? requestLog(laterCalls, loadCalls) : requestLog(loadCalls),
      ...(wire ? { wire } : {}),
      ...(error ? { error } : {}),
    });
  }
  return visits;
}
